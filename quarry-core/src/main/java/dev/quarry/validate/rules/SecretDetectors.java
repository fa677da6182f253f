package dev.quarry.validate.rules;

import java.util.List;

/**
 * The built-in secret detectors, the one table of them. Each row: id, confidence, the gitleaks rule ids
 * ({@code gitleaks/gitleaks config/gitleaks.toml}) and trufflehog detectors ({@code pkg/detectors/<name>}) it
 * re-expresses (patterns written for Quarry, not copied), the keyword pre-filter, the pattern and the secret's
 * group. Specific formats come first; an overlapping later match is dropped. What is not a secret (placeholders,
 * defaults, identifiers, code) is judged by {@link SecretValues}.
 *
 * <p>Confidence ({@link SecretDetector.Confidence}): {@code FORMAT} rows are key formats with a fixed prefix,
 * length or alphabet and are errors everywhere; {@code CONTEXT} rows take a free-form value from a
 * credential slot (a password assignment, a URL's user-info, a bearer header) and an obvious test value there
 * ({@code 'password1'}, {@code "test-password"}) in a test file is a warning.
 *
 * <p>Work is bounded by possessive quantifiers and keyword pre-filters, not by a ceiling on the value's length:
 * a 5,000-character value assigned to {@code api_key} is still one match.
 */
final class SecretDetectors {
  /** A run of base64 characters, then more lines of it (real newlines or {@code \n} escapes). */
  private static final String B64_LINES = "[A-Za-z0-9+/]{20,}+(?:(?:(?:\\\\r)?\\\\n|\\r?\\n)[ \\t\"'+]*+[A-Za-z0-9+/]{8,}+)*+={0,2}";

  static final List<SecretDetector> ALL = List.of(
      SecretDetector.format("private-key", "gitleaks:private-key,trufflehog:privatekey", "private key",
          "-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?"
              + "(?:-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----|\\z)", 0, 0),
      // DER of a PKCS#1/PKCS#8/SEC1/OpenSSH private key, base64, without its PEM armour: the version field
      // (INTEGER 0 or 1) right after the outer SEQUENCE is what tells it from a certificate or public key.
      SecretDetector.format("private-key-body", "trufflehog:privatekey", "mii,mig,mhccaqee,mc4caqaw,b3blbnnzac1rzxktdjea",
          "(?<![A-Za-z0-9+/])((?:MII[A-Za-z0-9+/]{3}IBA(?:AKC|DAN|DAT|DBN)|MII[A-Za-z0-9+/]{4}BOBgkqhkiG9w0BBQ"
              + "|MIG[A-Za-z0-9+/]{2}gEAMBMG|MHcCAQEE|MC4CAQAwBQYDK2Vw|b3BlbnNzaC1rZXktdjEA)" + B64_LINES + ")", 1, 0),
      SecretDetector.format("aws-access-key", "gitleaks:aws-access-token,trufflehog:aws", "akia,asia,abia,acca,a3t",
          "\\b((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})\\b", 1, 4),
      SecretDetector.format("aws-secret-key", "trufflehog:aws", "aws",
          "(?i)aws[\\w.-]{0,20}?(?:secret|sk)[\\w.-]{0,20}?[\"']?\\s*[:=]{1,2}>?\\s*[\"']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])",
          1, 0).entropy(3.5),
      SecretDetector.format("gcp-api-key", "gitleaks:gcp-api-key,trufflehog:gcp", "aiza",
          "\\b(AIza[0-9A-Za-z_\\-]{35})(?![0-9A-Za-z_\\-])", 1, 4),
      SecretDetector.format("azure-storage-key", "trufflehog:azure_storage", "accountkey",
          "(?i)AccountKey=([A-Za-z0-9+/]{86}==)", 1, 0),
      SecretDetector.format("azure-sas-token", "trufflehog:azuresastoken", "sig=",
          "(?i)(?:[?&;]|\\bSharedAccessSignature=)sig=([A-Za-z0-9%+/]{20,}+(?:%3D|=){0,2})", 1, 0),
      SecretDetector.format("azure-ad-client-secret", "gitleaks:azure-ad-client-secret,trufflehog:azure_entra", "q~",
          "(?<![A-Za-z0-9_~.])([A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])", 1, 0),
      SecretDetector.format("github-token",
          "gitleaks:github-pat,gitleaks:github-oauth,gitleaks:github-app-token,gitleaks:github-refresh-token,"
              + "gitleaks:github-fine-grained-pat,trufflehog:github", "ghp_,gho_,ghu_,ghs_,ghr_,github_pat_",
          "\\b((?:gh[pousr]_[A-Za-z0-9]{36,255})|(?:github_pat_[A-Za-z0-9_]{82}))\\b", 1, 4),
      SecretDetector.format("gitlab-token", "gitleaks:gitlab-pat,gitleaks:gitlab-rrt,gitleaks:gitlab-ptt,trufflehog:gitlab",
          "glpat-,glrt-,gldt-,glptt-", "\\b((?:glpat|glrt|gldt|glptt)-[A-Za-z0-9_\\-]{20,})(?![A-Za-z0-9_\\-])", 1, 6),
      SecretDetector.format("huggingface-token",
          "gitleaks:huggingface-access-token,gitleaks:huggingface-organization-api-token,trufflehog:huggingface",
          "hf_,api_org_", "(?<![A-Za-z0-9_])((?:hf_|api_org_)[A-Za-z0-9]{30,}+)(?![A-Za-z0-9_])", 1, 3).entropy(3.0),
      SecretDetector.format("slack-token", "gitleaks:slack-bot-token,gitleaks:slack-user-token,trufflehog:slack", "xox",
          "\\b(xox[baprse]-[0-9A-Za-z-]{10,})(?![0-9A-Za-z-])", 1, 5),
      SecretDetector.format("slack-webhook", "gitleaks:slack-webhook-url,trufflehog:slackwebhook", "hooks.slack.com",
          "(https://hooks\\.slack\\.com/(?:services|workflows)/[A-Za-z0-9+/]{20,})", 1, 0),
      SecretDetector.format("stripe-key", "gitleaks:stripe-access-token,trufflehog:stripe",
          "sk_live,sk_test,rk_live,rk_test", "\\b((?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{16,})\\b", 1, 8),
      SecretDetector.format("openai-style-key",
          "gitleaks:openai-api-key,gitleaks:anthropic-api-key,gitleaks:anthropic-admin-api-key,trufflehog:openai,"
              + "trufflehog:anthropic", "sk-",
          "(?<![A-Za-z0-9_-])(sk-(?:proj-|svcacct-|admin-|ant-(?:api\\d\\d-|admin\\d\\d-)?)?[A-Za-z0-9_\\-]{20,})(?![A-Za-z0-9_\\-])",
          1, 3).entropy(3.5),
      SecretDetector.format("twilio-key", "gitleaks:twilio-api-key,trufflehog:twilio", "sk",
          "\\b(SK[0-9a-fA-F]{32})\\b", 1, 2),
      SecretDetector.format("sendgrid-key", "gitleaks:sendgrid-api-token,trufflehog:sendgrid", "sg.",
          "\\b(SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43})(?![A-Za-z0-9_\\-])", 1, 3),
      SecretDetector.format("npm-token", "gitleaks:npm-access-token,trufflehog:npm", "npm_",
          "\\b(npm_[A-Za-z0-9]{36})\\b", 1, 4),
      SecretDetector.format("pypi-token", "gitleaks:pypi-upload-token,trufflehog:pypi", "pypi-ageichlwas5vcmc",
          "\\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}+)", 1, 5),
      SecretDetector.format("databricks-token", "gitleaks:databricks-api-token,trufflehog:databrickstoken", "dapi",
          "\\b(dapi[a-f0-9]{32}(?:-\\d)?)\\b", 1, 4),
      SecretDetector.format("jwt", "gitleaks:jwt,trufflehog:jwt", "eyj",
          "\\b(eyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{10,})(?![A-Za-z0-9_\\-])", 1, 3),
      SecretDetector.context("connection-string", "trufflehog:uri,trufflehog:postgres,trufflehog:mongodb,"
              + "trufflehog:redis,trufflehog:ftp,trufflehog:jdbc", "://",
          "(?i)\\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|"
              + "clickhouse|cockroachdb|ftps?|sftp|smtps?|ldaps?|https?|git|ssh)(?:\\+\\w+)?://[^:\\s/@'\"]{1,64}:"
              + "([^@\\s/'\"]{1,}+)@[^\\s'\"]", 1),
      SecretDetector.context("url-password", "trufflehog:jdbc", "password=,passwd=,pwd=,pass=",
          "(?i)[?&;](?:password|passwd|pwd|pass)=([^&;\\s\"'<>]{4,}+)", 1),
      SecretDetector.context("query-api-key", "gitleaks:generic-api-key", "key=,token=,secret=,signature=",
          "(?i)[?&](?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|token|key|secret|client[_-]?secret|"
              + "app[_-]?key|signature)=([A-Za-z0-9%._~+/-]{16,}+={0,2})", 1).entropy(3.0),
      SecretDetector.context("bearer-token", "gitleaks:curl-auth-header", "bearer",
          "(?i)\\bbearer[ \\t]++([A-Za-z0-9._~+/-]{16,}+={0,2})", 1).entropy(3.0),
      SecretDetector.context("basic-auth", "gitleaks:curl-auth-header,gitleaks:curl-auth-user", "basic",
          "(?i)authorization[\"']?\\s*[:=,]\\s*[\"']?basic[ \\t]++([A-Za-z0-9+/]{12,}+={0,2})", 1),
      // .env and compose files: unquoted, short or with any punctuation (&#!), upper-case names only.
      SecretDetector.context("env-password", "gitleaks:generic-api-key",
          "password,passwd,passphrase,pwd,secret,token,key,credential",
          "(?m)^[ \\t]*+(?:-[ \\t]++)?(?:export[ \\t]++)?[\"']?[A-Z0-9_]*(?:PASSWORD|PASSWD|PASSPHRASE|PWD|SECRET|TOKEN|"
              + "API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH_?KEY|CREDENTIALS?)[A-Z0-9_]*+[\"']?[ \\t]*+[=:][ \\t]*+[\"']?"
              + "([^\\s\"'`]{6,}+)", 1),
      SecretDetector.context("generic-secret", "gitleaks:generic-api-key,trufflehog:generic",
          "key,secret,token,passw,pwd,credential",
          "(?i)(?<![A-Za-z0-9])[A-Za-z0-9_.-]{0,40}(?:api[_.-]?key|apikey|secret|token|passwd|password|pwd|auth[_.-]?key|"
              + "access[_.-]?key|private[_.-]?key|credential)[A-Za-z0-9_.-]{0,40}[\"']?\\s{0,8}(?::=|=>|=|:)\\s{0,8}"
              + "(?:[\"'`]([^\"'`\\s]{8,}+)[\"'`]|([A-Za-z0-9_\\-+/=~]{16,}+)(?=\\s|$|[,;)]))", 1).entropy(3.0));

  private SecretDetectors() {}
}
