/**
 * Grounded synthesis (issue 13): new examples from any OpenAI-compatible model, seeded by the mined examples
 * and the deficit plan, kept only when they pass every validation rule and the synthesis checks (grounding
 * against the platform's symbols, near-duplicates of mined data, contamination of evaluation data, an optional
 * model judge). {@link dev.quarry.synth.Synthesizer} is the entry point; prompts are the template files under
 * {@code /dev/quarry/synth/}.
 */
package dev.quarry.synth;
