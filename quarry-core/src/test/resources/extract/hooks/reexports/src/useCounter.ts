import { ref } from 'vue';

export function useCounter(start: number) {
  const count = ref(start);
  const increment = () => count.value++;
  return { count, increment };
}
