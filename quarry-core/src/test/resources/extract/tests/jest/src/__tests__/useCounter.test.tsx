import { render } from '@testing-library/react';
import { useCounter } from '../useCounter';

describe('useCounter', () => {
  it('starts at the initial value', () => {
    const Probe = () => <span>{useCounter(3)[0]}</span>;
    render(<Probe />);
  });

  describe('increment', () => {
    it.each([1, 2])('adds one to %i', async (n) => {
      expect(useCounter(n)[0]).toBe(n);
    });
  });

  test.skip('is skipped but still a test', () => {});
});
