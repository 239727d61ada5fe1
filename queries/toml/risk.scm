; Risk queries for TOML: application configuration, and the deploy files of Netlify, fly.io, Railway,
; Cloudflare Wrangler and AWS SAM. Capture names say the category: @risk.<category>; @name names the
; hotspot.
;
; Conventions used below:
; - The hotspot is the `key = value` pair, named by its key (`request_timeout`, `tls.insecure`).
; - A key is matched on its last segment, case-insensitively, with `_` or `-` between words and with
;   or without quotes: `timeout`, `read-timeout`, `server.read_timeout`, `"timeout"` all match
;   `(^|\.)["']?(...timeout...)["']?$`.
; - Where a pair is matters. Settings of a tool rather than of the application are not high-impact:
;   `[tool.*]` (pyproject), `[profile.*]`, `[package]`, `[dependencies]`, `[features]` lists,
;   `[workspace]`, `[lints]` (Cargo), `[packages]` / `[requires]` / `[scripts]` (Pipfile), Cargo's
;   `.cargo/config.toml` sections. Config, network, deploy, auth, iam and dns patterns take the
;   section's header as @section and leave those sections out; a pair at the top level of the file
;   has no @section, and a predicate on a capture with no node holds. Hard-coded secrets and TLS
;   verification switched off are risky in any section, so those patterns ignore the section.
; - Some sections make every setting in them a hotspot: `[tls]` (crypto), `[auth]` / `[session]`
;   (auth), `[deploy]` (deploy), `[rbac]` (iam), `[dns]` (dns), `[env]` / `[vars]` / feature flags
;   (config).
; - Speed: every pattern is shallow (a table and its direct pairs, or a single pair), and keys are
;   checked with anchored regexes. TOML files are small, but lock files parse as TOML too
;   (`Cargo.lock`, `poetry.lock`), and their thousands of pairs match no key below.
; - Every regex uses Rust `regex` syntax; backslashes are doubled because these are query strings.
;   Each starts with `(?-u)`: ASCII classes compile several times faster than Unicode ones.

; =====================================================================================================
; config: configuration loading and defaults, feature flags, environment variables, timeouts,
; retries, limits
; =====================================================================================================

; Timeouts, retries, limits, pool sizes, TTLs and intervals, feature flags, debug and log level, the
; environment, wherever they are set outside a tool's own section.
([
  (table . (_) @section (pair . (_) @name) @risk.config)
  (table_array_element . (_) @section (pair . (_) @name) @risk.config)
  (document (pair . (_) @name) @risk.config)
 ]
 (#not-match? @section "(?-u)^[\"']?(tool|profile|package|dependencies|dev-dependencies|dev_dependencies|build-dependencies|build_dependencies|target|workspace|lints|badges|patch|replace|lib|bin|bench|test|example|build-system|project|dependency-groups|metadata|unstable|registries|registry|source|alias|term|net|cargo-new|future-incompat-report|install|packages|dev-packages|requires|pipenv|scripts)[\"']?(\\.|$)")
 (#match? @name "(?-u)(?i)(^|\\.)[\"']?(([\\w-]+[_-])?(timeout|timeouts|deadline|keep[_-]?alive|grace[_-]period)([_-][\\w-]+)?|([\\w-]+[_-])?(retries|retry|max[_-]attempts|attempts|backoff)([_-][\\w-]+)?|([\\w-]+[_-])?(limit|limits|quota|throttle|burst)([_-][\\w-]+)?|max[_-](conn\\w*|open[_-]conns|idle\\w*|requests?\\w*|concurren\\w*|body\\w*|upload\\w*|payload\\w*|size|workers|threads|pool\\w*|memory|lifetime|inflight|queue\\w*|batch\\w*|items|entries|rows|results|page[_-]size|per[_-][\\w-]+|file[_-]size|message[_-]size|frame[_-]size|header[_-]size)|min[_-](idle\\w*|conn\\w*|pool\\w*|workers|threads)|([\\w-]+[_-])?pool[_-]?size|pool|workers|worker[_-]count|concurrency|concurrent|batch[_-]size|page[_-]size|queue[_-]size|([\\w-]+[_-])?ttl([_-][\\w-]+)?|([\\w-]+[_-])?interval([_-][\\w-]+)?|(enable|disable)[_-][\\w-]+|[\\w-]+[_-](enabled|disabled)|enabled|disabled|feature[_-][\\w-]+|features?[_-]flags?|flags|debug|dry[_-]?run|maintenance([_-]mode)?|log[_-]?level|environment|env|(?-i:[a-z][a-zA-Z0-9]*(Timeout|Timeouts|Deadline|Retries|Retry|Attempts|Backoff|Limit|Limits|Quota|Ttl|TTL|Interval|PoolSize|Enabled|Disabled)([A-Z][a-zA-Z0-9]*)?)|(?-i:(timeout|retries|retry|limit|ttl|interval)[A-Z][a-zA-Z0-9]*)|(?-i:max(Conn|Idle|Request|Concurren|Body|Upload|Payload|Retries|Attempts|Workers|Threads|Pool|Memory|Lifetime|Inflight|Queue|Batch|FileSize|MessageSize)[a-zA-Z0-9]*)|(?-i:(enable|disable)[A-Z][a-zA-Z0-9]*))[\"']?$"))
; Inline tables: `pool = { max_size = 20, timeout = "5s" }`.
((pair . (_) (inline_table (pair . (_) @name) @risk.config))
 (#match? @name "(?-u)(?i)(^|\\.)[\"']?(([\\w-]+[_-])?(timeout|timeouts|deadline|keep[_-]?alive|grace[_-]period)([_-][\\w-]+)?|([\\w-]+[_-])?(retries|retry|max[_-]attempts|attempts|backoff)([_-][\\w-]+)?|([\\w-]+[_-])?(limit|limits|quota|throttle|burst)([_-][\\w-]+)?|max[_-](conn\\w*|open[_-]conns|idle\\w*|requests?\\w*|concurren\\w*|body\\w*|upload\\w*|payload\\w*|size|workers|threads|pool\\w*|memory|lifetime|inflight|queue\\w*|batch\\w*|items|entries|rows|results|page[_-]size|per[_-][\\w-]+|file[_-]size|message[_-]size|frame[_-]size|header[_-]size)|min[_-](idle\\w*|conn\\w*|pool\\w*|workers|threads)|([\\w-]+[_-])?pool[_-]?size|pool|workers|worker[_-]count|concurrency|concurrent|batch[_-]size|page[_-]size|queue[_-]size|([\\w-]+[_-])?ttl([_-][\\w-]+)?|([\\w-]+[_-])?interval([_-][\\w-]+)?|(enable|disable)[_-][\\w-]+|[\\w-]+[_-](enabled|disabled)|enabled|disabled|feature[_-][\\w-]+|features?[_-]flags?|flags|debug|dry[_-]?run|maintenance([_-]mode)?|log[_-]?level|environment|env|(?-i:[a-z][a-zA-Z0-9]*(Timeout|Timeouts|Deadline|Retries|Retry|Attempts|Backoff|Limit|Limits|Quota|Ttl|TTL|Interval|PoolSize|Enabled|Disabled)([A-Z][a-zA-Z0-9]*)?)|(?-i:(timeout|retries|retry|limit|ttl|interval)[A-Z][a-zA-Z0-9]*)|(?-i:max(Conn|Idle|Request|Concurren|Body|Upload|Payload|Retries|Attempts|Workers|Threads|Pool|Memory|Lifetime|Inflight|Queue|Batch|FileSize|MessageSize)[a-zA-Z0-9]*)|(?-i:(enable|disable)[A-Z][a-zA-Z0-9]*))[\"']?$"))
; Every setting of a feature-flag, limits or environment-variables section: `[features]` with booleans
; (Cargo's `[features]` lists are arrays), `[env]`, `[vars]`, `[build.environment]`.
([
  (table . (_) @section (pair . (_) @name . [(boolean) (string) (integer) (float)]) @risk.config)
  (table_array_element . (_) @section (pair . (_) @name . [(boolean) (string) (integer) (float)]) @risk.config)
 ]
 (#match? @section "(?-u)(?i)(^|\\.)[\"']?(features|feature[_-]?flags|flags|toggles|limits|timeouts|retry|retries|rate[_-]?limits?|ratelimit|throttl\\w*|env|environment|vars|variables)[\"']?$")
 (#not-match? @section "(?-u)^[\"']?(tool|profile|package|dependencies|dev-dependencies|dev_dependencies|build-dependencies|build_dependencies|target|workspace|lints|badges|patch|replace|lib|bin|bench|test|example|build-system|project|dependency-groups|metadata|unstable|registries|registry|source|alias|term|net|cargo-new|future-incompat-report|install|packages|dev-packages|requires|pipenv|scripts)[\"']?(\\.|$)"))

; =====================================================================================================
; crypto: TLS settings, certificate verification, ciphers, signing, randomness for security
; =====================================================================================================

; Certificate verification switched off, TLS switched off or downgraded (`sslmode = "disable"`), TLS
; versions, ciphers, certificate and key files, signing algorithms, in any section (a package index
; with `verify_ssl = false` is as risky as a server's).
((pair . (_) @name) @risk.crypto
 (#match? @risk.crypto "(?-u)(?i)^([\\w\"'-]+\\.)*[\"']?((insecure|insecure[_-]skip[_-]verify|skip[_-]verify|skip[_-]tls[_-]verify|tls[_-]skip[_-]verify|ssl[_-]skip[_-]verify|danger[_-]accept[_-]invalid[_-](certs|hostnames)|accept[_-]invalid[_-](certs|hostnames)|allow[_-]insecure|no[_-]verify|disable[_-](tls|ssl)|skip[_-]cert[_-]verify|trust[_-]all)[\"']?\\s*=\\s*true|(verify|verify[_-]ssl|ssl[_-]verify|tls[_-]verify|verify[_-]tls|verify[_-]certs?|verify[_-]certificates?|verify[_-]peer|verify[_-]hostname|check[_-]hostname|check[_-]revoke|tls|ssl|use[_-]tls|use[_-]ssl|require[_-]tls|require[_-]ssl|enable[_-]tls|tls[_-]enabled|ssl[_-]enabled|secure|strict[_-]ssl)[\"']?\\s*=\\s*false|(sslmode|ssl[_-]mode|tls[_-]mode)[\"']?\\s*=\\s*[\"'](disable|disabled|allow|prefer|none|off)[\"']|(min[_-]tls[_-]version|tls[_-]min[_-]version|min[_-]tls|tls[_-]version|ssl[_-]version|min[_-]protocol[_-]version|cipher[_-]?suites|ciphers|tls[_-]ciphers|cert[_-]?file|cert[_-]path|certfile|tls[_-]cert\\w*|ssl[_-]cert\\w*|key[_-]?file|tls[_-]key\\w*|ssl[_-]key\\w*|ca[_-]?file|ca[_-]?cert\\w*|ca[_-]path|ca[_-]bundle|cafile|client[_-]auth|client[_-]ca\\w*|mtls|hsts\\w*|(jwt[_-])?algorithms?|signing[_-]alg\\w*)[\"']?\\s*=)"))
; Every setting of a `[tls]` / `[server.tls]` section, and an inline `tls = { ... }`.
([
  (table . (_) @section (pair . (_) @name) @risk.crypto)
  (table_array_element . (_) @section (pair . (_) @name) @risk.crypto)
 ]
 (#match? @section "(?-u)(?i)(^|\\.)[\"']?(tls|ssl|mtls|certs?|certificates?|https)[\"']?(\\.|$)"))
((pair . (_) @name . (inline_table)) @risk.crypto
 (#match? @name "(?-u)(?i)(^|\\.)[\"']?(tls|ssl|mtls)[\"']?$"))

; =====================================================================================================
; secrets: credentials, API keys, secret loading and storage, hard-coded secrets
; =====================================================================================================

; A credential written as a literal under a name that says it is one, in any section (Cargo's
; `[registries]` tokens included). Not an empty string, not a reference (`"${DB_PASSWORD}"`,
; `"env:DB_PASSWORD"`, `"op://vault/db/password"`), not a name such as `api_key_env` or `password_file`.
((pair . (_) @name . (string) @v) @risk.secrets
 (#match? @name "(?-u)(?i)(^|\\.)[\"']?(([\\w-]+[_-])?(password|passwd|passphrase|secret|secret[_-]?key|client[_-]?secret|api[_-]?key|access[_-]?key([_-]?id)?|secret[_-]?access[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|bot[_-]?token|token|private[_-]?key|credentials?|dsn|connection[_-]?string|webhook[_-]?url|signing[_-]?key|encryption[_-]?key|master[_-]?key|session[_-]?secret|cookie[_-]?secret|jwt[_-]?secret)|(?-i:[a-z][a-zA-Z0-9]*(Password|Passwd|Passphrase|Secret|SecretKey|ApiKey|AccessKey|Token|PrivateKey|Credentials|Dsn|DSN)))[\"']?$")
 (#match? @v "(?-u)^(\"[^\"$%{<][^\"]*\"|'[^'$%{<][^']*')$")
 (#not-match? @v "(?-u)(?i)^[\"'](env|vault|ssm|aws-sm|gcp-sm|op|file|secret|secretsmanager|keyring|sops)(:|://|\\()"))
; Literals that are credentials whatever they are called: AWS keys, GitHub, GitLab, Slack, Stripe,
; OpenAI tokens, URLs with a password, PEM private keys.
((pair . (_) @name . (string) @v) @risk.secrets
 (#match? @v "(?-u)^[\"']((AKIA|ASIA)[0-9A-Z]{16}[\"']$|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_|glpat-|xox[abprs]-|sk_live_|rk_live_|sk-[A-Za-z0-9]{20,}|[a-z][a-z0-9+.-]*://[^/\\s:@\"']+:[^@/\\s\"'$]+@)|^(\"\"\"|''')\\s*-----BEGIN [A-Z ]*PRIVATE KEY-----"))

; =====================================================================================================
; network: listeners, ports, bind addresses, firewalls and security groups, CORS, proxies, routing
; =====================================================================================================

; Bind and listen addresses, named ports, CORS, proxies, routes, wherever they are set outside a
; tool's own section.
([
  (table . (_) @section (pair . (_) @name) @risk.network)
  (table_array_element . (_) @section (pair . (_) @name) @risk.network)
  (document (pair . (_) @name) @risk.network)
 ]
 (#not-match? @section "(?-u)^[\"']?(tool|profile|package|dependencies|dev-dependencies|dev_dependencies|build-dependencies|build_dependencies|target|workspace|lints|badges|patch|replace|lib|bin|bench|test|example|build-system|project|dependency-groups|metadata|unstable|registries|registry|source|alias|term|net|cargo-new|future-incompat-report|install|packages|dev-packages|requires|pipenv|scripts)[\"']?(\\.|$)")
 (#match? @name "(?-u)(?i)(^|\\.)[\"']?(bind|bind[_-]addr(ess)?|bind[_-]host|bind[_-]port|listen|listen[_-]addr(ess)?|listen[_-]host|listen[_-]port|listen[_-]on|(http|https|grpc|metrics|admin|internal|external|public|health|debug|proxy|ws|websocket|api|server|app|web|host)[_-]?port|port[_-]range|[\\w-]*cors[\\w-]*|allowed[_-]origins|allow[_-]origins|cors[_-]origins|trusted[_-]proxies|allowed[_-]hosts|forwarded[_-]allow[_-]ips|((http|https|no)[_-]?)?proxy|upstreams?|routes?|workers[_-]dev|access-control-allow-[\\w-]+|force[_-]https|https[_-]redirect|expose|expose[_-]ports)[\"']?$"))
; `host` and `port` of a server section (`[server]`, `[http]`, `[http_service]`, ...) or at the top
; level; not the host and port of a `[database]` a service connects to.
([
  (table . (_) @section (pair . (_) @name) @risk.network)
  (table_array_element . (_) @section (pair . (_) @name) @risk.network)
 ]
 (#match? @section "(?-u)(?i)(^|\\.)[\"']?(server|servers|http|https|web|webserver|api|grpc|listener|listeners|listen|admin|metrics|prometheus|service|services|services\\.ports|ports|http_service|gateway|proxy|ingress|app|application|frontend|default|global)[\"']?$")
 (#match? @name "(?-u)(?i)(^|\\.)[\"']?(host|hostname|port|ports|address|addr|interface|ip|socket|unix[_-]socket)[\"']?$"))
(document (pair . (_) @name) @risk.network
 (#match? @name "(?-u)(?i)(^|\\.)[\"']?(host|hostname|port|ports|address|addr|interface|ip|socket|unix[_-]socket)[\"']?$"))
; Every interface: `"0.0.0.0"`, `"[::]:8080"`.
((pair . (_) @name . (string) @v) @risk.network
 (#match? @v "(?-u)^[\"'](0\\.0\\.0\\.0|::|\\[::\\])(:\\d+)?[\"']$"))
; Routing and exposure tables: Netlify `[[redirects]]` and `[[headers]]`, fly.io `[[services]]` and
; `[http_service]`.
((table_array_element . (_) @name) @risk.network
 (#match? @name "(?-u)^(redirects|rewrites|routes|proxies|services|services\\.ports|http_service\\.ports|headers|edge_functions)$"))
((table . (_) @name) @risk.network
 (#any-of? @name "http_service"))

; =====================================================================================================
; deploy: CI/CD, infrastructure as code, containers, rollouts, scaling, process execution
; =====================================================================================================

; Every setting of a deploy section: fly.io / Railway `[deploy]`, `[processes]`, `[[vm]]`, `[scaling]`.
([
  (table . (_) @section (pair . (_) @name) @risk.deploy)
  (table_array_element . (_) @section (pair . (_) @name) @risk.deploy)
 ]
 (#match? @section "(?-u)(?i)(^|\\.)[\"']?(deploy|deployment|processes|vm|scaling|autoscaling|autoscale|machines|triggers)[\"']?(\\.|$)"))
; Build commands and images of Netlify / fly.io / Railway `[build]` and Netlify `[context.*]`.
([
  (table . (_) @section (pair . (_) @name) @risk.deploy)
  (table_array_element . (_) @section (pair . (_) @name) @risk.deploy)
 ]
 (#match? @section "(?-u)(?i)^[\"']?(build|context(\\.[\\w\"'-]+)?)[\"']?$")
 (#match? @name "(?-u)(?i)(^|\\.)[\"']?(command|publish|base|functions|ignore|image|dockerfile|builder|buildpacks|build[_-]?command|start[_-]?command|edge_functions)[\"']?$"))
; Replica and instance counts, machines kept running, release and start commands, the region, wherever
; they are set outside a tool's own section.
([
  (table . (_) @section (pair . (_) @name) @risk.deploy)
  (table_array_element . (_) @section (pair . (_) @name) @risk.deploy)
  (document (pair . (_) @name) @risk.deploy)
 ]
 (#not-match? @section "(?-u)^[\"']?(tool|profile|package|dependencies|dev-dependencies|dev_dependencies|build-dependencies|build_dependencies|target|workspace|lints|badges|patch|replace|lib|bin|bench|test|example|build-system|project|dependency-groups|metadata|unstable|registries|registry|source|alias|term|net|cargo-new|future-incompat-report|install|packages|dev-packages|requires|pipenv|scripts)[\"']?(\\.|$)")
 (#match? @name "(?-u)(?i)(^|\\.)[\"']?(replicas|num[_-]?replicas|replica[_-]count|instances|min[_-]instances|max[_-]instances|min[_-]machines[_-]running|auto[_-]stop[_-]machines|auto[_-]start[_-]machines|release[_-]command|start[_-]?command|pre[_-]?deploy[_-]?command|restart[_-]policy\\w*|health[_-]?check[_-]?path|primary[_-]region|strategy|scale|autoscale|compatibility[_-]date|deploy[_-]\\w+)[\"']?$"))

; =====================================================================================================
; data: destructive or schema-changing data operations: DELETE, DROP, TRUNCATE, migrations,
; recursive deletes
; =====================================================================================================

; Migrations run on start or release, schema synchronisation and drops switched on, retention set to
; zero.
((pair . (_) @name) @risk.data
 (#match? @risk.data "(?-u)(?i)^([\\w\"'-]+\\.)*[\"']?((auto[_-]?migrate|run[_-]migrations|migrate[_-]on[_-]start(up)?|migrations[_-]auto[_-]run|synchronize|drop[_-]schema|drop[_-]tables|drop[_-]database|reset[_-]db|reset[_-]database|truncate[_-]\\w+|purge[_-]\\w+|wipe[_-]\\w+|force[_-]delete|delete[_-]on[_-]\\w+|cascade[_-]delete)[\"']?\\s*=\\s*true|(release[_-]command|command|cmd|start[_-]?command|pre[_-]?deploy[_-]?command|build[_-]?command|migrate[_-]command|migration[_-]command)[\"']?\\s*=\\s*[\"'].*\\b(migrate|db:migrate|db:schema:load|db:drop|db:reset|alembic upgrade|alembic downgrade|prisma migrate|prisma db push|flyway|liquibase|dbmate|sqlx migrate|diesel migration|knex migrate|sequelize db:migrate|typeorm migration:run|goose|DROP TABLE|TRUNCATE)\\b|([\\w-]+[_-])?(retention[_-]days|retention|retention[_-]period|backup[_-]retention\\w*|keep[_-]backups)[\"']?\\s*=\\s*[\"']?0[\"']?)"))

; =====================================================================================================
; auth: authentication, sessions, tokens, passwords, permission checks, access-control decisions
; =====================================================================================================

; Every setting of an `[auth]`, `[session]`, `[jwt]`, `[oauth]` ... section, except the credentials
; themselves (secrets).
([
  (table . (_) @section (pair . (_) @name) @risk.auth)
  (table_array_element . (_) @section (pair . (_) @name) @risk.auth)
 ]
 (#match? @section "(?-u)(?i)(^|\\.)[\"']?(auth|authn|authz|authentication|authorization|session|sessions|jwt|oauth|oauth2|oidc|openid|sso|saml|login|cookies?|csrf|mfa|2fa|totp|passwords?|identity)[\"']?(\\.|$)")
 (#not-match? @name "(?-u)(?i)(^|\\.)[\"']?(([\\w-]+[_-])?(password|passwd|passphrase|secret|secret[_-]?key|client[_-]?secret|api[_-]?key|access[_-]?key([_-]?id)?|secret[_-]?access[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|bot[_-]?token|token|private[_-]?key|credentials?|dsn|connection[_-]?string|webhook[_-]?url|signing[_-]?key|encryption[_-]?key|master[_-]?key|session[_-]?secret|cookie[_-]?secret|jwt[_-]?secret)|(?-i:[a-z][a-zA-Z0-9]*(Password|Passwd|Passphrase|Secret|SecretKey|ApiKey|AccessKey|Token|PrivateKey|Credentials|Dsn|DSN)))[\"']?$"))
; Anonymous access, auth switched off, MFA, session and token lifetimes, cookie flags, issuers and
; audiences, redirect URIs, wherever they are set outside a tool's own section.
([
  (table . (_) @section (pair . (_) @name) @risk.auth)
  (table_array_element . (_) @section (pair . (_) @name) @risk.auth)
  (document (pair . (_) @name) @risk.auth)
 ]
 (#not-match? @section "(?-u)^[\"']?(tool|profile|package|dependencies|dev-dependencies|dev_dependencies|build-dependencies|build_dependencies|target|workspace|lints|badges|patch|replace|lib|bin|bench|test|example|build-system|project|dependency-groups|metadata|unstable|registries|registry|source|alias|term|net|cargo-new|future-incompat-report|install|packages|dev-packages|requires|pipenv|scripts)[\"']?(\\.|$)")
 (#match? @name "(?-u)(?i)(^|\\.)[\"']?(allow[_-]anonymous|anonymous[_-]access|anonymous|require[_-]auth\\w*|auth[_-]required|disable[_-]auth\\w*|auth[_-]enabled|auth[_-]disabled|skip[_-]auth\\w*|require[_-]mfa|mfa[_-]required|mfa[_-]enabled|session[_-](ttl|timeout|lifetime|max[_-]age|expiry|expiration|duration|cookie[_-]name|store)|cookie[_-](secure|http[_-]?only|same[_-]?site|max[_-]age|domain)|same[_-]?site|password[_-](min[_-]length|policy|hash\\w*|rounds)|bcrypt[_-]cost|jwt[_-](issuer|audience|ttl|expiry|expiration|leeway|algorithm)|token[_-](ttl|expiry|expiration|lifetime)|access[_-]token[_-](ttl|lifetime)|refresh[_-]token[_-](ttl|lifetime)|issuer|audience|jwks[_-]?ur[il]|allowed[_-]redirect[_-]ur[il]s|redirect[_-]ur[il]s?|login[_-]url|oauth[_-]\\w+|oidc[_-]\\w+|[\\w-]*(csrf|xsrf)[\\w-]*|allow[_-]signup|registration[_-]enabled|open[_-]registration|basic[_-]auth)[\"']?$"))

; =====================================================================================================
; iam: roles, policies, grants, RBAC, privilege changes, service accounts
; =====================================================================================================

; Admins, roles, permissions, allow-lists of users and groups, assumed roles and service accounts.
([
  (table . (_) @section (pair . (_) @name) @risk.iam)
  (table_array_element . (_) @section (pair . (_) @name) @risk.iam)
  (document (pair . (_) @name) @risk.iam)
 ]
 (#not-match? @section "(?-u)^[\"']?(tool|profile|package|dependencies|dev-dependencies|dev_dependencies|build-dependencies|build_dependencies|target|workspace|lints|badges|patch|replace|lib|bin|bench|test|example|build-system|project|dependency-groups|metadata|unstable|registries|registry|source|alias|term|net|cargo-new|future-incompat-report|install|packages|dev-packages|requires|pipenv|scripts)[\"']?(\\.|$)")
 (#match? @name "(?-u)(?i)(^|\\.)[\"']?(admins|admin[_-]users|admin[_-]emails|admin[_-]ids|superusers?|super[_-]admins|owners|roles|default[_-]role|default[_-]roles|permissions|default[_-]permissions|allowed[_-]users|allowed[_-]groups|allowed[_-]emails|allowed[_-]domains|allowlist|allow[_-]list|role[_-]arn|assume[_-]role\\w*|service[_-]account\\w*|run[_-]as|run[_-]as[_-]user|privileged|scopes|grants|acl|acls|policy|policies|groups)[\"']?$"))
; Every setting of an `[rbac]`, `[roles]`, `[permissions]`, `[acl]` section, and `[[roles]]` entries.
((table . (_) @section (pair . (_) @name) @risk.iam)
 (#match? @section "(?-u)(?i)(^|\\.)[\"']?(rbac|roles|role|permissions|acl|acls|access[_-]control|grants|policies|admins)[\"']?(\\.|$)"))
; The Docker socket handed to a job (root on the host), CloudFormation IAM capabilities (SAM).
((pair . (_) @name . (_) @v) @risk.iam
 (#match? @v "(?-u)/var/run/docker\\.sock|\\bCAPABILITY_(NAMED_)?IAM\\b"))
((table_array_element . (_) @name) @risk.iam
 (#match? @name "(?-u)(?i)(^|\\.)(roles|permissions|grants|policies|acl|acls|users)$"))

; =====================================================================================================
; dns: name resolution, DNS records and zones, resolvers, TTLs, service discovery
; =====================================================================================================

; Name servers, resolvers, search domains, DNS TTLs, host overrides; every setting of a `[dns]`,
; `[resolver]` or service-discovery section.
([
  (table . (_) @section (pair . (_) @name) @risk.dns)
  (table_array_element . (_) @section (pair . (_) @name) @risk.dns)
  (document (pair . (_) @name) @risk.dns)
 ]
 (#not-match? @section "(?-u)^[\"']?(tool|profile|package|dependencies|dev-dependencies|dev_dependencies|build-dependencies|build_dependencies|target|workspace|lints|badges|patch|replace|lib|bin|bench|test|example|build-system|project|dependency-groups|metadata|unstable|registries|registry|source|alias|term|net|cargo-new|future-incompat-report|install|packages|dev-packages|requires|pipenv|scripts)[\"']?(\\.|$)")
 (#match? @name "(?-u)(?i)(^|\\.)[\"']?(nameservers?|name[_-]servers?|dns|dns[_-]servers?|dns[_-]resolvers?|resolvers?|resolv[_-]conf|search[_-]domains|ndots|dns[_-]\\w+|[\\w-]+[_-]dns|(dns|record|zone)[_-]ttl|hostname[_-]override|extra[_-]hosts|hosts[_-]file)[\"']?$"))
([
  (table . (_) @section (pair . (_) @name) @risk.dns)
  (table_array_element . (_) @section (pair . (_) @name) @risk.dns)
 ]
 (#match? @section "(?-u)(?i)(^|\\.)[\"']?(dns|resolver|resolvers|nameservers|discovery|service[_-]discovery|consul)[\"']?(\\.|$)"))

; =====================================================================================================
; Where a service reaches out and how it runs, in any application section
; =====================================================================================================

; config: the endpoints a service calls and the region it runs in: `base_url = "https://fx.example.net/v1"`,
; `ServerAddress = "s3.eu-west-1.amazonaws.com"`, `region = "eu-west-1"`. Changing one sends traffic
; (and credentials) somewhere else.
([
  (table . (_) @section (pair . (_) @name . (string) @v) @risk.config)
  (table_array_element . (_) @section (pair . (_) @name . (string) @v) @risk.config)
  (document (pair . (_) @name . (string) @v) @risk.config)
 ]
 (#not-match? @section "(?-u)^[\"']?(tool|profile|package|dependencies|dev-dependencies|dev_dependencies|build-dependencies|build_dependencies|target|workspace|lints|badges|patch|replace|lib|bin|bench|test|example|build-system|project|dependency-groups|metadata|unstable|registries|registry|source|alias|term|net|cargo-new|future-incompat-report|install|packages|dev-packages|requires|pipenv|scripts)[\"']?(\\.|$)")
 (#match? @name "(?-u)(?i)(^|\\.)[\"']?(\\w*[_-])?(url|uri|endpoint|base[_-]?url|server[_-]?address|api[_-]?host|upstream|region|aws[_-]region)[\"']?$")
 (#match? @v "(?-u)^[\"'](https?|grpcs?|wss?|amqps?|redis|rediss|postgres|postgresql|mysql|mongodb(\\+srv)?|nats|kafka|s3)://|^[\"'][a-z]{2}(-[a-z]+)+-\\d[\"']$|^[\"'][\\w-]+(\\.[\\w-]+)+(:\\d+)?[\"']$"))
; deploy: the container image a service or a CI runner uses: `image = "alpine:3.20"`.
([
  (table . (_) @section (pair . (_) @name) @risk.deploy)
  (table_array_element . (_) @section (pair . (_) @name) @risk.deploy)
  (document (pair . (_) @name) @risk.deploy)
 ]
 (#not-match? @section "(?-u)^[\"']?(tool|profile|package|dependencies|dev-dependencies|dev_dependencies|build-dependencies|build_dependencies|target|workspace|lints|badges|patch|replace|lib|bin|bench|test|example|build-system|project|dependency-groups|metadata|unstable|registries|registry|source|alias|term|net|cargo-new|future-incompat-report|install|packages|dev-packages|requires|pipenv|scripts)[\"']?(\\.|$)")
 (#match? @name "(?-u)(?i)(^|\\.)[\"']?(image|base[_-]?image|docker[_-]?image|container[_-]?image)[\"']?$"))
; network: a container on the host's network: `network_mode = "host"`.
((pair . (_) @name . (string) @v) @risk.network
 (#match? @name "(?-u)(?i)(^|\\.)[\"']?(network[_-]?mode|net)[\"']?$")
 (#match? @v "(?-u)^[\"']host[\"']$"))
; Reverse-proxy routing (Traefik's file provider): routers, services and IP allow-lists are network;
; basic, digest and forward authentication middlewares are auth.
((table . (_) @name) @risk.network
 (#match? @name "(?-u)^(http|tcp|udp)\\.(routers|services)(\\.|$)|\\.(ipAllowList|ipWhiteList|ipallowlist|ipwhitelist)$"))
((table . (_) @name) @risk.auth
 (#match? @name "(?-u)\\.(basicAuth|digestAuth|forwardAuth|basicauth|digestauth|forwardauth)$"))
