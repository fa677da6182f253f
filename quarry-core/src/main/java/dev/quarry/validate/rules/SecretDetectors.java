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
      SecretDetector.format("gitlab-token", "gitleaks:gitlab-pat,gitleaks:gitlab-rrt,gitleaks:gitlab-ptt,"
              + "gitleaks:gitlab-runner-authentication-token,gitleaks:gitlab-deploy-token,gitleaks:gitlab-feed-token,"
              + "gitleaks:gitlab-incoming-mail-token,gitleaks:gitlab-kubernetes-agent-token,gitleaks:gitlab-scim-token,"
              + "gitleaks:gitlab-oauth-app-secret,gitleaks:gitlab-cicd-job-token,"
              + "gitleaks:gitlab-feature-flag-client-token,trufflehog:gitlab",
          "glpat-,glrt-,gldt-,glptt-,glft-,glimt-,glagent-,glsoat-,gloas-,glcbt-,glffct-",
          "\\b((?:glpat|glrt|gldt|glptt|glft|glimt|glagent|glsoat|gloas|glcbt|glffct)-[A-Za-z0-9_\\-]{20,}+)"
              + "(?![A-Za-z0-9_\\-])", 1, 6),
      SecretDetector.format("huggingface-token",
          "gitleaks:huggingface-access-token,gitleaks:huggingface-organization-api-token,trufflehog:huggingface",
          "hf_,api_org_", "(?<![A-Za-z0-9_])((?:hf_|api_org_)[A-Za-z0-9]{30,}+)(?![A-Za-z0-9_])", 1, 3).entropy(3.0),
      SecretDetector.format("slack-token",
          "gitleaks:slack-bot-token,gitleaks:slack-user-token,gitleaks:slack-app-token,trufflehog:slack", "xox,xapp-",
          "\\b(xox[baprse]-[0-9A-Za-z-]{10,}+|xapp-\\d-[A-Z0-9]++-\\d++-[A-Za-z0-9]++)(?![0-9A-Za-z-])", 1, 5),
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
      SecretDetector.format("shopify-token", "gitleaks:shopify-access-token,gitleaks:shopify-custom-access-token,"
              + "gitleaks:shopify-private-app-access-token,gitleaks:shopify-shared-secret,trufflehog:shopify",
          "shpat_,shpca_,shppa_,shpss_", "\\b(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\\b", 1, 6),
      SecretDetector.format("digitalocean-token", "gitleaks:digitalocean-pat,gitleaks:digitalocean-access-token,"
          + "gitleaks:digitalocean-refresh-token,trufflehog:digitaloceanv2", "_v1_",
          "\\b(do[por]_v1_[a-f0-9]{64})\\b", 1, 7),
      SecretDetector.format("doppler-token", "gitleaks:doppler-api-token,trufflehog:doppler", "dp.",
          "\\b(dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44})\\b", 1, 6),
      SecretDetector.format("grafana-token", "gitleaks:grafana-service-account-token,gitleaks:grafana-cloud-api-token,"
              + "trufflehog:grafana,trufflehog:grafanaserviceaccount", "glsa_,glc_",
          "\\b(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}+={0,3})(?![A-Za-z0-9+/=])", 1, 5),
      SecretDetector.format("postman-key", "gitleaks:postman-api-token,trufflehog:postman", "pmak-",
          "\\b(PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34})\\b", 1, 5),
      SecretDetector.format("linear-key", "gitleaks:linear-api-key,trufflehog:linearapi", "lin_",
          "\\b(lin_(?:api|oauth)_[A-Za-z0-9]{40})\\b", 1, 8),
      SecretDetector.format("notion-token", "gitleaks:notion-api-token,trufflehog:notion", "ntn_",
          "\\b(ntn_[0-9]{11}[A-Za-z0-9]{35})\\b", 1, 4),
      SecretDetector.format("sentry-token", "gitleaks:sentry-user-token,gitleaks:sentry-org-token,trufflehog:sentrytoken,"
          + "trufflehog:sentryorgtoken", "sntry", "\\b(sntry[us]_[A-Za-z0-9+/=_]{40,}+)", 1, 7),
      SecretDetector.format("vault-token", "gitleaks:vault-service-token,gitleaks:vault-batch-token,"
          + "trufflehog:hashicorpvault", "hvs.,hvb.,hvr.", "\\b(hv[sbr]\\.[\\w-]{90,}+)", 1, 4),
      SecretDetector.format("terraform-token", "gitleaks:hashicorp-tf-api-token,trufflehog:terraformcloudpersonaltoken",
          "atlasv1", "\\b([a-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,}+)", 1, 0),
      SecretDetector.format("pulumi-token", "gitleaks:pulumi-api-token,trufflehog:pulumi", "pul-",
          "\\b(pul-[a-f0-9]{40})\\b", 1, 4),
      SecretDetector.format("heroku-key", "gitleaks:heroku-api-key-v2,trufflehog:heroku", "hrku-",
          "\\b(HRKU-AA[0-9a-zA-Z_-]{58})(?![0-9a-zA-Z_-])", 1, 7),
      SecretDetector.format("rubygems-key", "gitleaks:rubygems-api-token,trufflehog:rubygems", "rubygems_",
          "\\b(rubygems_[a-f0-9]{48})\\b", 1, 9),
      SecretDetector.format("planetscale-token", "gitleaks:planetscale-password,gitleaks:planetscale-api-token,"
          + "gitleaks:planetscale-oauth-token,trufflehog:planetscale", "pscale_",
          "\\b(pscale_(?:pw|tkn|oauth)_[\\w=.-]{32,}+)", 1, 10),
      SecretDetector.format("brevo-key", "gitleaks:sendinblue-api-token,trufflehog:sendinbluev2", "xkeysib-",
          "\\b(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})\\b", 1, 8),
      SecretDetector.format("square-token", "gitleaks:square-access-token,trufflehog:square", "sq0",
          "\\b(sq0(?:atp|csp)-[\\w-]{22,}+)", 1, 7),
      SecretDetector.format("dockerhub-token", "trufflehog:dockerhub", "dckr_",
          "\\b(dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,}+)", 1, 9),
      SecretDetector.format("telegram-bot-token", "gitleaks:telegram-bot-api-token,trufflehog:telegrambottoken", ":aa",
          "(?<![0-9A-Za-z_-])([0-9]{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])", 1, 0),
      SecretDetector.format("age-secret-key", "gitleaks:age-secret-key", "age-secret-key-1",
          "\\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\\b", 1, 15),
      SecretDetector.format("google-oauth", "trufflehog:googleoauth2", "gocspx-,ya29.",
          "(?<![A-Za-z0-9_-])(GOCSPX-[A-Za-z0-9_-]{28}|ya29\\.[A-Za-z0-9_-]{20,}+)(?![A-Za-z0-9_-])", 1, 5),
      SecretDetector.format("llm-provider-key", "gitleaks:perplexity-api-key,trufflehog:groq,trufflehog:replicate,"
              + "trufflehog:xai,trufflehog:langsmith", "gsk_,r8_,xai-,lsv2_,pplx-",
          "(?<![A-Za-z0-9_-])(gsk_[A-Za-z0-9]{52}|r8_[A-Za-z0-9_-]{37}|xai-[A-Za-z0-9_]{80}|pplx-[A-Za-z0-9]{48}"
              + "|lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})(?![A-Za-z0-9_-])", 1, 3).entropy(3.0),
      SecretDetector.format("jwt", "gitleaks:jwt,trufflehog:jwt", "eyj",
          "\\b(eyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{10,})(?![A-Za-z0-9_\\-])", 1, 3),
      SecretDetector.context("connection-string", "trufflehog:uri,trufflehog:postgres,trufflehog:mongodb,"
              + "trufflehog:redis,trufflehog:ftp,trufflehog:jdbc", "://",
          "(?i)\\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|"
              + "clickhouse|cockroachdb|ftps?|sftp|smtps?|ldaps?|https?|git|ssh)(?:\\+\\w+)?://[^:\\s/@'\"]{0,64}:"
              // Greedy, so up to the last @ before the host: an unencoded @ in the password is still the password.
              + "([^\\s/?'\"]+)@[^\\s'\"@/]", 1),
      SecretDetector.context("url-password", "trufflehog:jdbc", "password=,passwd=,pwd=,pass=",
          "(?i)[?&;](?:password|passwd|pwd|pass)=((?:[^&;\\s\"'<>]|[&;](?![A-Za-z_][\\w.-]{0,64}+=))"
              // An unencoded & or ; belongs to the password unless a parameter (&name=) follows it.
              + "{4,}+)", 1),
      SecretDetector.context("query-api-key", "gitleaks:generic-api-key", "key=,token=,secret=,signature=",
          "(?i)[?&](?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|token|key|secret|client[_-]?secret|"
              + "app[_-]?key|signature)=([A-Za-z0-9%._~+/-]{16,}+={0,2})", 1).entropy(3.0),
      SecretDetector.context("bearer-token", "gitleaks:curl-auth-header", "bearer",
          "(?i)\\bbearer[ \\t]++([A-Za-z0-9._~+/-]{16,}+={0,2})", 1).entropy(3.0),
      SecretDetector.context("basic-auth", "gitleaks:curl-auth-header,gitleaks:curl-auth-user", "basic",
          "(?i)authorization[\"']?\\s*[:=,]\\s*[\"']?basic[ \\t]++([A-Za-z0-9+/]{12,}+={0,2})", 1),
      // .env and compose files: unquoted, short or with any punctuation (&#!), upper-case names only; also inline
      // after a space ("set DB_PASSWORD=… first").
      SecretDetector.context("env-password", "gitleaks:generic-api-key",
          "pass,pwd,secret,token,key,credential",
          "(?m)(?:^[ \\t]*+(?:-[ \\t]++)?(?:export[ \\t]++)?|(?<=[ \\t(]))[\"']?[A-Z0-9_]*(?:PASSWORD|PASSWD|PASSPHRASE|PWD|PASS(?![A-Z])|SECRET|TOKEN|"
              + "API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH_?KEY|CREDENTIALS?)[A-Z0-9_]*+[\"']?[ \\t]*+[=:][ \\t]*+[\"']?"
              + "([^\\s\"'`]{6,}+)", 1),
      // YAML, INI, TOML and properties files: a lower- or mixed-case name, an unquoted value to the end of the
      // line. Judged as a password and, to keep `password: str` annotations out, it needs a digit or a symbol.
      SecretDetector.context("config-password", "gitleaks:generic-api-key", "passw,pwd,passphrase,secret,token",
          "(?im)^[ \\t]*+[\\w.-]*?(?:password|passwd|passphrase|pwd|secret|token)[\\w.-]*+[ \\t]*+[=:][ \\t]*+"
              + "([^\\s\"'`]{6,}+)[ \\t]*+(?:$|[ \\t]#)", 1),
      SecretDetector.context("curl-user", "gitleaks:curl-auth-user", "curl",
          "(?i)\\bcurl\\b[^\\n]{0,200}?[ \\t](?:-u|--user)[ \\t=]++['\"]?[^:\\s'\"]{1,64}:([^\\s'\"]{4,}+)", 1),
      SecretDetector.context("netrc-password", "", "machine",
          "(?i)\\bmachine[ \\t]++\\S++[ \\t\\r\\n]++(?:login[ \\t]++\\S++[ \\t\\r\\n]++)?password[ \\t]++(\\S{4,}+)", 1),
      SecretDetector.context("docker-auth", "trufflehog:docker", "\"auth\"",
          "\"auth\"\\s{0,8}+:\\s{0,8}+\"([A-Za-z0-9+/]{16,}+={0,2})\"", 1).entropy(3.0),
      SecretDetector.context("generic-secret", "gitleaks:generic-api-key,trufflehog:generic",
          "key,secret,token,passw,pwd,credential",
          "(?i)(?<![A-Za-z0-9])[A-Za-z0-9_.-]{0,40}(?:api[_.-]?key|apikey|secret|token|passwd|password|pwd|auth[_.-]?key|"
              + "access[_.-]?key|private[_.-]?key|credential)[A-Za-z0-9_.-]{0,40}[\"']?\\s{0,8}(?::=|=>|=|:)\\s{0,8}"
              + "(?:[\"'`]([^\"'`\\s]{6,}+)[\"'`]|([A-Za-z0-9_\\-+/=~]{16,}+)(?=\\s|$|[,;)]))", 1).entropy(3.0));

  private SecretDetectors() {}
}
