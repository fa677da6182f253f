#!/bin/sh
# Stands in for a Python interpreter in quarry train tests: answers the pre-flight probe (python -c ...) and
# plays TRL's train_sft.py, writing a PEFT-shaped adapter into sft.output_dir. Steered by FAKE_* variables.
if [ "$1" = "-c" ]; then
  if [ -n "$FAKE_MISSING" ]; then
    echo 'QUARRY_PROBE {"python":"3.11.0","executable":"/fake/python","scripts":"/fake/bin","modules":{"torch":"2.13.0"},"errors":{"trl":"not installed","peft":"not installed","datasets":"not installed","transformers":"not installed","yaml":"not installed"},"cuda":false,"bf16":false,"devices":[]}'
  else
    echo 'QUARRY_PROBE {"python":"3.11.0","executable":"/fake/python","scripts":"/fake/bin","modules":{"trl":"1.13.0","peft":"0.21.0","datasets":"5.0.1","transformers":"5.17.0","torch":"2.13.0","yaml":"6.0"},"errors":{},"cuda":false,"bf16":false,"devices":[]}'
  fi
  exit 0
fi
echo "fake trainer: $*"
out=""
for a in "$@"; do
  case "$a" in sft.output_dir=*) out="${a#sft.output_dir=}" ;; esac
done
if [ -n "$FAKE_EXIT" ]; then
  echo "fake trainer failed" >&2
  exit "$FAKE_EXIT"
fi
mkdir -p "$out"
printf '{"base_model_name_or_path":"tiny/model","r":16,"lora_alpha":32,"peft_type":"LORA"}' > "$out/adapter_config.json"
printf 'weights' > "$out/adapter_model.safetensors"
echo "adapter saved to $out"
