#!/usr/bin/env python3
"""Builds a tiny random-initialised Qwen2 model and a BPE tokenizer trained on a JSONL chat export.

usage: python make_tiny_model.py TRAIN.jsonl OUT_DIR

Nothing is downloaded: the tokenizer is trained with the tokenizers library on the dataset's own text, the
model is a Qwen2 (the family of quarry's default base model) with tiny dimensions and random weights.
"""

import json
import sys

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

SPECIAL = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
# ChatML, as Qwen2 instruct models use it.
CHAT_TEMPLATE = (
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>\n' }}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)


def texts(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                for m in json.loads(line)["messages"]:
                    yield m["content"]


def main(argv):
    train, out = argv[1], argv[2]
    torch.manual_seed(0)
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=1024, special_tokens=SPECIAL,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(texts(train), trainer=trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>",
                                   bos_token=None, unk_token=None)
    fast.chat_template = CHAT_TEMPLATE
    fast.save_pretrained(out)
    config = Qwen2Config(vocab_size=len(fast), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=8192,
                         eos_token_id=fast.convert_tokens_to_ids("<|im_end|>"),
                         pad_token_id=fast.convert_tokens_to_ids("<|endoftext|>"), tie_word_embeddings=True)
    Qwen2ForCausalLM(config).save_pretrained(out)
    print("tiny model: %d parameters, vocabulary %d, in %s"
          % (sum(p.numel() for p in Qwen2ForCausalLM(config).parameters()), len(fast), out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
