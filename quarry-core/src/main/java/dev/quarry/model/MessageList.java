package dev.quarry.model;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The immutable message list of an {@link Example}, which remembers its content-addressed id once computed.
 * Every {@code withX} copy of an example shares the same list, so the SHA-256 over the canonical messages is
 * computed once per conversation instead of once per copy. Equality is {@link List}'s: by elements.
 */
final class MessageList extends AbstractList<Message> implements RandomAccess {
  private final Message[] items;
  private String id;

  private MessageList(Message[] items) {
    this.items = items;
  }

  /** {@code messages} itself when it is already a MessageList, else an immutable copy (nulls rejected). */
  static MessageList of(List<Message> messages) {
    if (messages instanceof MessageList m) {
      return m;
    }
    return new MessageList(List.copyOf(messages).toArray(new Message[0]));
  }

  /** The content-addressed id of these messages, computed on first use. Safe to race: the value is the same. */
  String id() {
    String s = id;
    if (s == null) {
      s = ExampleIds.of(this);
      id = s;
    }
    return s;
  }

  @Override
  public Message get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }
}
