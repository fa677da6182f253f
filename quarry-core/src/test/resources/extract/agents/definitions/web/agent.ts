import { ToolLoopAgent, tool } from 'ai';
import { weatherTool } from './tools';

export const weatherAgent = new ToolLoopAgent({
  model: 'openai/gpt-4o',
  instructions: 'You answer questions about the weather.',
  tools: { weather: weatherTool, convert: tool({ description: 'convert units' }) },
});

export function createResearchAgent(model: string) {
  return new ToolLoopAgent({
    model,
    instructions: 'Research the topic.',
  });
}
