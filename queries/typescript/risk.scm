; Risk queries for typescript, after queries/ecma/risk.scm (the patterns shared with the other ECMAScript grammars).
; =====================================================================================================
; TypeScript grammar: class fields, heritage, type annotations
; =====================================================================================================

; secrets: a credential in a class field: `private readonly apiKey = 'sk_live_..'`.
((public_field_definition name: (property_identifier) @name value: (string) @v) @risk.secrets
 (#match? @name "(?-u)(?i)(?:password|passwd|passphrase|pwd|secret|secret_?or_?(?:public_?)?key|api[_-]?key|apikey|access_?key(?:_?id)?|private_?key|token|credentials?|creds|signing_?key|encryption_?key|master_?key|hmac_?key|webhook_?secret|client_?secret)[\\'\"]?$|^[\\'\"]?(?:pass|db_?pass|smtp_?pass|user_?pass|admin_?pass|root_?pass|mail_?pass|auth_?pass)[\\'\"]?$")
 (#not-match? @name "(?-u)(?i)^[\\'\"]?(?:next|page|pagination|continuation|cancel|cancellation|sync|cursor|resume|lexer|parser|current|peek|prev|previous|last|first|csrf|xsrf|device|push|fcm|apns|expo|max|min|show|hide|toggle|has|is|with|use|no|require|requires)_?(?:token|password|secret|key|credentials?)[\\'\"]?$")
 (#not-match? @v "(?-u)^[\\'\"`](?:|(?-i:[A-Z][A-Z0-9_]{2,})|<[^\\'\"`]*>|\\$\\{[^}]*\\}|\\{\\{[^}]*\\}\\}|[*x.]+|(?i:bearer|basic|token|digest) ?|include|omit|same-origin|true|false|null|undefined|none|(?i:your[_ -][\\w -]*|xxx\\w*|todo|placeholder|redacted|dummy|example|changeme-in-prod\\w*)|(?i:(?:x-)?(?:api|auth|access|refresh|id|session|csrf|xsrf|bearer|user|new|old|current|confirm)?[-_]?(?:token|key|secret|password|passwd|pass|pwd|credentials?)s?)|[A-Z][^\\'\"`]*\\s[^\\'\"`]*|[^\\'\"`]*[A-Za-z][.?!:])[\\'\"`]$"))
; auth: passport strategies, guards and interceptors by what they extend or implement.
((class_declaration) @risk.auth
 (#match? @risk.auth "(?-u)(?i)^(?:@[^\\n]*\\n\\s*)*(?:export\\s+)?(?:default\\s+)?(?:abstract\\s+)?class\\s+[\\w$]+\\s*(?:<[^{]*?>)?\\s+(?:extends\\s+(?:PassportStrategy|AuthGuard|MixinAuthGuard)\\s*\\(|(?:extends\\s+[^{]*?)?implements\\s+(?:[\\w$.<>]+\\s*,\\s*)*(?:CanActivate|CanActivateChild|CanMatch|CanLoad|AuthenticationProvider|ExpressMiddlewareInterface|Authorizer)\\b)"))
; data: TypeORM migrations.
((class_declaration) @risk.data
 (#match? @risk.data "(?-u)(?i)^(?:@[^\\n]*\\n\\s*)*(?:export\\s+)?(?:default\\s+)?(?:abstract\\s+)?class\\s+[\\w$]+\\s+implements\\s+(?:[\\w$.<>]+\\s*,\\s*)*MigrationInterface\\b"))
; Values typed as the configuration of an auth library, a policy, a TLS context, CORS or the app:
; `export const authOptions: NextAuthOptions = {..}`, `const policy: PolicyDocument = {..}`,
; `export default { .. } satisfies NextAuthConfig`.
((variable_declarator) @risk.auth
 (#match? @risk.auth "(?-u)^[\\w$]+\\s*:\\s*(?:[\\w$]+\\s*\\.\\s*)?(?:NextAuthOptions|AuthOptions|NextAuthConfig|AuthConfig|SessionOptions|IronSessionOptions|SessionConfig|CookieOptions|CookieSerializeOptions|JwtModuleOptions|SignOptions|VerifyOptions|JwtSignOptions|JwtVerifyOptions|StrategyOptions\\w*|BetterAuthOptions|LuciaOptions|ClerkMiddlewareOptions)\\b"))
((satisfies_expression) @risk.auth
 (#match? @risk.auth "(?-u)\\bsatisfies\\s+(?:NextAuthOptions|AuthOptions|NextAuthConfig|AuthConfig|SessionOptions|IronSessionOptions|BetterAuthOptions)$"))
((variable_declarator) @risk.iam
 (#match? @risk.iam "(?-u)^[\\w$]+\\s*:\\s*(?:[\\w$]+\\s*\\.\\s*)?(?:PolicyDocument|PolicyStatement|IamPolicy|PolicyStatementProps|RoleProps|AbilityBuilder|RawRuleOf\\w*)\\b"))
((variable_declarator) @risk.crypto
 (#match? @risk.crypto "(?-u)^[\\w$]+\\s*:\\s*(?:(?:tls|https)\\s*\\.\\s*(?:TlsOptions|SecureContextOptions|ConnectionOptions|AgentOptions)|TlsOptions|SecureContextOptions|CipherGCMTypes|CipherKey)\\b"))
((variable_declarator) @risk.network
 (#match? @risk.network "(?-u)^[\\w$]+\\s*:\\s*(?:CorsOptions|CorsOptionsDelegate|ListenOptions|cors\\s*\\.\\s*\\w+|net\\s*\\.\\s*ListenOptions|httpProxy\\s*\\.\\s*\\w+|ProxyOptions)\\b"))
((variable_declarator) @risk.config
 (#match? @risk.config "(?-u)^[\\w$]+\\s*:\\s*(?:[\\w$]+\\s*\\.\\s*)?(?:NextConfig|UserConfig|Config|AppConfig|Configuration|Settings|ClientConfig|PoolConfig|PoolOptions|ConnectionConfig|DataSourceOptions|RedisOptions|KnexConfig|ClientOptions|ConfigSchema|EnvConfig|RuntimeConfig)\\s*=\\s*\\{"))
