package dev.quarry.validate.rules;

import dev.quarry.model.Example;
import dev.quarry.model.Severity;
import dev.quarry.validate.Finding;
import dev.quarry.validate.Locations;
import dev.quarry.validate.Rule;
import dev.quarry.validate.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Personal data in any message: e-mail addresses, phone numbers, IPv4 and IPv6 addresses. A warning by default
 * (the record is kept and the finding reported). Not flagged: reserved example domains ({@code example.com},
 * {@code .org}, {@code .net}, {@code .example}, {@code .test}, {@code .invalid}, {@code .localhost}),
 * documentation addresses (RFC 5737 {@code 192.0.2.0/24}, {@code 198.51.100.0/24}, {@code 203.0.113.0/24};
 * RFC 3849 {@code 2001:db8::/32}), loopback and unspecified addresses, US fictional {@code 555-01xx} numbers,
 * and anything in {@code validate.pii.allow} (exact values, or domains for e-mail addresses). Private network
 * addresses are notes (info), not warnings. Values are masked in messages ({@code j***@corp.com}).
 */
public final class PiiRule implements Rule {
  private static final Pattern EMAIL = Pattern.compile(
      "(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]{1,64})@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24})\\b");
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\w.+/-])(\\+\\d{1,3}[ .-]?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{2,4}(?:[ .-]\\d{2,4}){1,4}|\\(\\d{3}\\) ?\\d{3}[ .-]\\d{4}"
          + "|\\d{3}[.-]\\d{3}[.-]\\d{4})(?![.-]?\\d)");
  private static final Pattern IPV4 = Pattern.compile(
      "(?<![\\w.])((?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3})(?!\\.?\\d|\\.\\w)");
  private static final Pattern IPV6 = Pattern.compile("(?<![\\w:.])((?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4})(?![\\w:])");
  private static final List<String> RESERVED = List.of("example.com", "example.org", "example.net", "example",
      "test", "invalid", "localhost", "local");
  private static final List<String> NOT_PERSONAL = List.of("git", "noreply", "no-reply", "donotreply");

  @Override
  public String id() {
    return "pii";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "no personal data: e-mail addresses, phone numbers, IP addresses (example and documentation values allowed)";
  }

  @Override
  public Stream<Finding> check(Example e, RuleContext ctx) {
    List<String> allow = ctx.shared("pii.allow", () -> ctx.strings("pii", "allow").stream()
        .map(s -> s.toLowerCase(Locale.ROOT)).toList());
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < e.messages().size(); i++) {
      String text = e.messages().get(i).content();
      if (text.indexOf('@') >= 0) {
        emails(e, i, text, allow, out);
      }
      if (text.indexOf('.') >= 0) {
        ipv4(e, i, text, allow, out);
      }
      if (text.indexOf(':') >= 0) {
        ipv6(e, i, text, allow, out);
      }
      phones(e, i, text, allow, out);
    }
    return out.stream();
  }

  private void emails(Example e, int i, String text, List<String> allow, List<Finding> out) {
    Matcher m = EMAIL.matcher(text);
    while (m.find()) {
      String local = m.group(1).toLowerCase(Locale.ROOT);
      String domain = m.group(2).toLowerCase(Locale.ROOT);
      boolean reserved = RESERVED.stream().anyMatch(r -> domain.equals(r) || domain.endsWith("." + r));
      if (reserved || NOT_PERSONAL.contains(local) || domain.endsWith("users.noreply.github.com")
          || allow.contains(domain) || allow.contains(local + "@" + domain)) {
        continue;
      }
      out.add(Finding.warning(id(), "e-mail address " + local.charAt(0) + "***@" + domain
          + " (use an address at example.com, or add the domain to validate.pii.allow)", at(e, i, text, m.start())));
    }
  }

  private void phones(Example e, int i, String text, List<String> allow, List<Finding> out) {
    Matcher m = PHONE.matcher(text);
    while (m.find()) {
      String v = m.group(1);
      String digits = v.replaceAll("\\D", "");
      if (digits.length() < 10 || digits.length() > 15 || allow.contains(v.toLowerCase(Locale.ROOT))
          || digits.matches(".*55501\\d\\d$") || digits.chars().distinct().count() <= 2) {
        continue;
      }
      out.add(Finding.warning(id(), "phone number ***" + digits.substring(digits.length() - 2)
          + " (use a fictional 555-01xx number, or add it to validate.pii.allow)", at(e, i, text, m.start())));
    }
  }

  private void ipv4(Example e, int i, String text, List<String> allow, List<Finding> out) {
    Matcher m = IPV4.matcher(text);
    while (m.find()) {
      String ip = m.group(1);
      String[] p = ip.split("\\.");
      int a = Integer.parseInt(p[0]);
      int b = Integer.parseInt(p[1]);
      int c = Integer.parseInt(p[2]);
      boolean documentation = (a == 192 && b == 0 && c == 2) || (a == 198 && b == 51 && c == 100)
          || (a == 203 && b == 0 && c == 113);
      boolean special = a == 127 || a == 0 || ip.equals("255.255.255.255") || a >= 224;
      if (documentation || special || allow.contains(ip)) {
        continue;
      }
      boolean internal = a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || (a == 169 && b == 254)
          || (a == 100 && b >= 64 && b <= 127);
      String masked = p[0] + "." + p[1] + ".x.x";
      if (internal) {
        out.add(Finding.info(id(), "private network address " + masked + " (use 192.0.2.x from RFC 5737 if it "
            + "does not matter)", at(e, i, text, m.start())));
      } else {
        out.add(Finding.warning(id(), "IP address " + masked + " (use a documentation address such as 192.0.2.10, "
            + "or add it to validate.pii.allow)", at(e, i, text, m.start())));
      }
    }
  }

  private void ipv6(Example e, int i, String text, List<String> allow, List<Finding> out) {
    Matcher m = IPV6.matcher(text);
    while (m.find()) {
      String ip = m.group(1).toLowerCase(Locale.ROOT);
      if (!validIpv6(ip) || ip.startsWith("2001:db8:") || ip.startsWith("2001:0db8:") || ip.equals("::1")
          || ip.startsWith("fe80:") || ip.startsWith("::ffff:127.") || allow.contains(ip)) {
        continue;
      }
      out.add(Finding.warning(id(), "IPv6 address " + ip.substring(0, Math.min(ip.length(), 9)) + "… (use one from "
          + "2001:db8::/32, RFC 3849)", at(e, i, text, m.start())));
    }
  }

  /** A full or {@code ::}-compressed IPv6 address with at least three groups (so {@code a[1::2]} is not one). */
  static boolean validIpv6(String s) {
    int dc = s.indexOf("::");
    if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) {
      return false;
    }
    String[] groups = s.split(":", -1);
    int nonEmpty = 0;
    boolean letters = false;
    for (String g : groups) {
      if (g.length() > 4) {
        return false;
      }
      if (!g.isEmpty()) {
        nonEmpty++;
        letters |= g.chars().anyMatch(Character::isLetter);
      }
    }
    if (dc < 0 && groups.length != 8) {
      return false;
    }
    if (dc < 0 && (s.startsWith(":") || s.endsWith(":"))) {
      return false;
    }
    return nonEmpty >= 3 && (letters || nonEmpty >= 4) && nonEmpty <= 8;
  }

  private static String at(Example e, int i, String text, int offset) {
    return Locations.of(e, i, Locations.lineAt(text, offset));
  }
}
