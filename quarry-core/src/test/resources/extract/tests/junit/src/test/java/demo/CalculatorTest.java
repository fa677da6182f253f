package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalculatorTest {
  @Test
  void addsTwoNumbers() {
    assertEquals(3, new Calculator().add(1, 2));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void addingZeroKeepsTheNumber(int n) {
    assertEquals(n, new Calculator().add(n, 0));
  }

  void notATest() {}
}
