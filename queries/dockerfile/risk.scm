; Risk queries for Dockerfiles and Containerfiles (tree-sitter-containerfile).
; Capture names say the category: @risk.<category>; @name names the hotspot.
;
; Conventions used below:
; - The hotspot is the instruction (`USER root`, `RUN curl ... | sh`, `EXPOSE 8080`), or, for `ENV`
;   and `ARG`, the one `NAME=value` pair, named by the variable.
; - What a `RUN` does is read from its text: the shell command is one node to tree-sitter, so its
;   patterns are regexes over the instruction, each specific to one risky command shape (`curl ... |
;   sh`, `chmod 777`, `manage.py migrate`), never a bare word.
; - `CMD` and `ENTRYPOINT` are deploy hotspots when they start a shell: the shell form (`CMD npm
;   start`, which Docker runs as `/bin/sh -c "npm start"`) or an explicit `["sh", "-c", "..."]`. The
;   shell becomes PID 1 and does not forward SIGTERM, so a rollout's graceful shutdown turns into a
;   SIGKILL after the timeout; and a shell line is where start-up steps (migrations, `curl | sh`,
;   variable expansion) get chained in front of the service. The exec form `["node", "server.js"]`
;   is the reviewed, ordinary case and is left alone. A `HEALTHCHECK CMD ...` is configuration.
; - Every regex uses Rust `regex` syntax; backslashes are doubled because these are query strings.
;   Each starts with `(?-u)`: ASCII classes compile several times faster than Unicode ones.

; =====================================================================================================
; iam: roles, policies, grants, RBAC, privilege changes, service accounts
; =====================================================================================================

; Who the container runs as: `USER root`, `USER 0`, `USER app:app`. Any change to it changes the
; privileges of everything the image runs; creating users and groups does too.
(user_instruction user: (_) @name) @risk.iam
((run_instruction) @risk.iam
 (#match? @risk.iam "(?-u)\\b(useradd|adduser|groupadd|addgroup)\\s"))
; World-writable or setuid files and directories, sudo rights, capabilities, insecure builds.
((run_instruction) @risk.iam
 (#match? @risk.iam "(?-u)\\bchmod\\s+(-[a-zA-Z]+\\s+)*([0-7]?[0-7]?[67][67]|[ugoa]*\\+[rwx]*s|[24][0-7]{3}|a\\+[rx]*w|o\\+[rx]*w|[ugoa]*=rwx)\\b|\\busermod\\s+(-[a-zA-Z]+\\s+)*(sudo|wheel|root|docker|adm)\\b|\\b(adduser|addgroup|gpasswd)\\s+(-[a-zA-Z]+\\s+)*\\w+\\s+(sudo|wheel|root|docker|adm)\\b|/etc/sudoers|\\bNOPASSWD\\b|\\bsetcap\\s|\\b(mkdir|install)\\s+(-\\S+\\s+)*(-m\\s*|--mode=)([0-7]?[0-7]?[67][67]|a\\+[rx]*w|[24][0-7]{3})\\b|^RUN\\s+(--\\S+\\s+)*--security=insecure"))
((copy_instruction (param) @p) @risk.iam
 (#match? @p "(?-u)^--chmod=([0-7]?[0-7]?[67][67]|[24][0-7]{3})$"))
((add_instruction (param) @p) @risk.iam
 (#match? @p "(?-u)^--chmod=([0-7]?[0-7]?[67][67]|[24][0-7]{3})$"))

; =====================================================================================================
; deploy: CI/CD, infrastructure as code, containers, rollouts, scaling, process execution
; =====================================================================================================

; Remote code piped into a shell: `curl ... | sh`, `wget -O- ... | bash`, `bash <(curl ...)`,
; `sh -c "$(curl ...)"`, in a RUN (also in a heredoc RUN).
((run_instruction) @risk.deploy
 (#match? @risk.deploy "(?-u)\\b(curl|wget)\\b[^|;&\\n]*\\|\\s*(sudo\\s+(-\\S+\\s+)*)?(env\\s+\\S+\\s+)*(ba|z|da|k|a)?sh\\b|\\b(curl|wget)\\b[^|;&\\n]*\\|\\s*(sudo\\s+)?(python3?|perl|ruby|node)\\b|\\b(ba|z)?sh\\s+<\\(\\s*(curl|wget)\\b|\\b(ba|z)?sh\\s+-c\\s+[\"']?\\$\\(\\s*(curl|wget)\\b"))
; Remote files added without a checksum: `ADD https://... /opt/`.
((add_instruction (path) @name) @risk.deploy
 (#match? @name "(?-u)^(https?|git|ssh)://|^git@|\\.git(#\\S*)?$")
 (#not-match? @risk.deploy "(?-u)--checksum="))
; The base image of every stage (`FROM node:20-slim AS build`, `FROM gcr.io/distroless/static`):
; changing it changes the runtime, the libraries and the user of everything deployed from it.
(from_instruction (image_spec name: (image_name) @name)) @risk.deploy
; CMD and ENTRYPOINT that start a shell (see above; `CMD exec gunicorn ..` replaces the shell and is
; left alone), and ONBUILD triggers that run in every child image's build.
(source_file
  [
    (cmd_instruction (shell_command) @sh)
    (entrypoint_instruction (shell_command) @sh)
  ] @risk.deploy
  (#not-match? @sh "(?-u)^exec\\s"))
(source_file
  [
    (cmd_instruction (json_string_array . (json_string) @sh . (json_string) @c))
    (entrypoint_instruction (json_string_array . (json_string) @sh . (json_string) @c))
  ] @risk.deploy
  (#match? @sh "(?-u)^\"(/usr)?(/bin/)?(ba|z|da|a)?sh\"$")
  (#match? @c "(?-u)^\"-[a-z]*c\"$"))
(onbuild_instruction) @risk.deploy

; =====================================================================================================
; network: listeners, ports, bind addresses, firewalls and security groups, CORS, proxies, routing
; =====================================================================================================

; Published ports.
(expose_instruction) @risk.network
; Listen ports and bind addresses set in the environment: `ENV PORT=8080`, `ENV HOST=0.0.0.0`.
(env_pair
  name: (unquoted_string) @name
  (#match? @name "(?-u)^(PORT|HOST|BIND|BIND_ADDR(ESS)?|BIND_HOST|BIND_PORT|LISTEN|LISTEN_ADDR(ESS)?|LISTEN_HOST|LISTEN_PORT|(\\w+_)?(HTTP|HTTPS|SERVER|APP|WEB|API|GRPC|METRICS|ADMIN|HEALTH)_PORT|SERVER_HOST|GUNICORN_BIND|UVICORN_HOST|UVICORN_PORT|FLASK_RUN_HOST|FLASK_RUN_PORT|ASPNETCORE_URLS|ASPNETCORE_HTTP_PORTS|ASPNETCORE_HTTPS_PORTS|SERVER_ADDRESS|HTTP_ADDR|ADDR)$")) @risk.network
; A service told to listen on every interface, or a build step on the host's network.
(source_file
  [(cmd_instruction) (entrypoint_instruction)] @risk.network
  (#match? @risk.network "(?-u)\\b0\\.0\\.0\\.0\\b|\\[::\\]|\"?(--host|--bind|--listen|--address|--addr)(=|\"?,?\\s*\"?)(0\\.0\\.0\\.0|::|\\*)"))
((run_instruction) @risk.network
 (#match? @risk.network "(?-u)^RUN\\s+(--\\S+\\s+)*--network=host\\b"))

; =====================================================================================================
; secrets: credentials, API keys, secret loading and storage, hard-coded secrets
; =====================================================================================================

; Credentials in the environment or in build arguments. An ENV value stays in the image; an ARG's
; value stays in the image history (Docker's own SecretsUsedInArgOrEnv check), with or without a
; default. Names are whole words: `API_KEY`, `DB_PASSWORD`, `NPM_TOKEN`, `AWS_SECRET_ACCESS_KEY`;
; not `TOKENIZERS_PARALLELISM`, `GPG_KEY` (a key fingerprint), `PUBLIC_KEY`, `KEY_FILE`, `PASSWORD_FILE`.
(env_pair
  name: (unquoted_string) @name
  (#match? @name "(?-u)(?i)(^|_)(PASSWORD|PASSWD|PASS|PASSPHRASE|SECRET|SECRETS|TOKEN|AUTH_TOKEN|API_?KEY|ACCESS_KEY|ACCESS_KEY_ID|SECRET_KEY|SECRET_ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?|CLIENT_SECRET|LICENSE_KEY|MASTER_KEY|ENCRYPTION_KEY|SIGNING_KEY|SSH_KEY|DSN|KEY)$")
  (#not-match? @name "(?-u)(?i)(^|_)(GPG|PGP|PUBLIC|PUB|SSH_PUBLIC)_KEY$|^KEY$")
  value: (_) @v
  (#not-match? @v "(?-u)^[\"']?[\"']?$")) @risk.secrets
(arg_pair
  name: (unquoted_string) @name
  (#match? @name "(?-u)(?i)(^|_)(PASSWORD|PASSWD|PASS|PASSPHRASE|SECRET|SECRETS|TOKEN|AUTH_TOKEN|API_?KEY|ACCESS_KEY|ACCESS_KEY_ID|SECRET_KEY|SECRET_ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?|CLIENT_SECRET|LICENSE_KEY|MASTER_KEY|ENCRYPTION_KEY|SIGNING_KEY|SSH_KEY|DSN|KEY)$")
  (#not-match? @name "(?-u)(?i)(^|_)(GPG|PGP|PUBLIC|PUB|SSH_PUBLIC)_KEY$|^KEY$")) @risk.secrets
; Values that are credentials whatever they are called: AWS keys, GitHub, GitLab, Slack, Stripe
; tokens, URLs with a password.
([
  (env_pair name: (unquoted_string) @name value: (_) @v)
  (arg_pair name: (unquoted_string) @name default: (_) @v)
 ] @risk.secrets
 (#match? @v "(?-u)^[\"']?((AKIA|ASIA)[0-9A-Z]{16}[\"']?$|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_|glpat-|xox[abprs]-|sk_live_|rk_live_|[a-z][a-z0-9+.-]*://[^/\\s:@\"']+:[^@/\\s\"'$]+@)"))
; Key files, dotenv files and registry credentials copied into the image.
((copy_instruction (path) @name) @risk.secrets
 (#match? @name "(?-u)(^|/)(id_rsa|id_dsa|id_ecdsa|id_ed25519|\\.ssh|\\.env(\\.[\\w-]+)?|\\.npmrc|\\.pypirc|\\.netrc|\\.git-credentials|\\.dockercfg|\\.docker/config\\.json|\\.aws(/credentials)?|credentials(\\.json)?|[\\w.-]*service[_-]account[\\w.-]*\\.json|[\\w.-]+\\.(key|p12|pfx|jks|keystore)|secrets?(\\.[\\w-]+)?)/?$"))
((add_instruction (path) @name) @risk.secrets
 (#match? @name "(?-u)(^|/)(id_rsa|id_dsa|id_ecdsa|id_ed25519|\\.ssh|\\.env(\\.[\\w-]+)?|\\.npmrc|\\.pypirc|\\.netrc|\\.git-credentials|\\.dockercfg|\\.docker/config\\.json|\\.aws(/credentials)?|credentials(\\.json)?|[\\w.-]*service[_-]account[\\w.-]*\\.json|[\\w.-]+\\.(key|p12|pfx|jks|keystore)|secrets?(\\.[\\w-]+)?)/?$"))
; Secrets mounted into a build step (BuildKit), and credentials written into a RUN: registry auth
; tokens, URLs with a password or a token in them (`https://${GITHUB_TOKEN}@github.com/..`),
; `docker login -p`, `htpasswd -b`.
((run_instruction (mount_param) @m) @risk.secrets
 (#match? @m "(?-u)\\btype=(secret|ssh)\\b"))
((run_instruction) @risk.secrets
 (#match? @risk.secrets "(?-u)_authToken=[^$\\s\"']|\\b(https?|git|ssh|postgres(ql)?|mysql|mongodb(\\+srv)?|redis|amqps?)://[^/\\s:@\"'$]+:[^@/\\s\"'$]+@|://[^/\\s@\"']*\\$\\{?\\w*(TOKEN|PAT|PASS|PASSWORD|SECRET|KEY|CRED\\w*|AUTH)\\}?@|\\blogin\\s+(-\\S+\\s+)*(-p|--password)[\\s=]+[^$\\s-]|\\bhtpasswd\\s+(-\\w+\\s+)*-b"))

; =====================================================================================================
; crypto: TLS settings, certificate verification, ciphers, signing, randomness for security
; =====================================================================================================

; Certificate and signature verification switched off in a RUN: `curl -k`, `wget
; --no-check-certificate`, `git config http.sslVerify false`, `pip --trusted-host`, `npm config set
; strict-ssl false`, `apk --allow-untrusted`, apt `[trusted=yes]`; a CA added to the trust store;
; keys and certificates generated in the image.
((run_instruction) @risk.crypto
 (#match? @risk.crypto "(?-u)\\bcurl\\b[^|;&\\n]*\\s(-k|-[a-zA-Z]*k[a-zA-Z]*|--insecure)\\b|\\bwget\\b[^|;&\\n]*--no-check-certificate|\\bhttp\\.sslVerify\\s+false|\\bGIT_SSL_NO_VERIFY=|--trusted-host\\b|\\bstrict-ssl\\s+false|--allow-untrusted\\b|--allow-unauthenticated\\b|--no-check-gpg\\b|--nogpgcheck\\b|\\[trusted=yes\\]|\\bNODE_TLS_REJECT_UNAUTHORIZED=0|\\bPYTHONHTTPSVERIFY=0|\\bupdate-ca-certificates\\b|\\bupdate-ca-trust\\b|\\bkeytool\\s+-import|\\bopenssl\\s+(req|genrsa|genpkey|ecparam|x509)\\b|\\bssh-keygen\\b"))
; The same switches, and CA bundles, set in the environment.
((env_pair
   name: (unquoted_string) @name
   (#any-of? @name "NODE_TLS_REJECT_UNAUTHORIZED" "PYTHONHTTPSVERIFY" "GIT_SSL_NO_VERIFY" "CURL_CA_BUNDLE" "REQUESTS_CA_BUNDLE" "SSL_CERT_FILE" "SSL_CERT_DIR" "NODE_EXTRA_CA_CERTS" "GRPC_DEFAULT_SSL_ROOTS_FILE_PATH" "PIP_TRUSTED_HOST" "NPM_CONFIG_STRICT_SSL" "PIP_CERT" "AWS_CA_BUNDLE" "GODEBUG" "JAVA_TOOL_OPTIONS" "JAVA_OPTS")) @risk.crypto
 (#match? @risk.crypto "(?-u)^(NODE_TLS_REJECT_UNAUTHORIZED|PYTHONHTTPSVERIFY|GIT_SSL_NO_VERIFY|CURL_CA_BUNDLE|REQUESTS_CA_BUNDLE|SSL_CERT_FILE|SSL_CERT_DIR|NODE_EXTRA_CA_CERTS|GRPC_DEFAULT_SSL_ROOTS_FILE_PATH|PIP_TRUSTED_HOST|NPM_CONFIG_STRICT_SSL|PIP_CERT|AWS_CA_BUNDLE)\\b|x509ignoreCN|tls(max|min)?\\w*=|javax\\.net\\.ssl\\.|jdk\\.tls\\.|com\\.sun\\.net\\.ssl"))
; Certificates copied into the image or its trust store.
((copy_instruction (path) @name) @risk.crypto
 (#match? @name "(?-u)\\.(crt|pem|cer|der)$|/ca-certificates(/|$)|/etc/pki/|/etc/ssl/certs"))
((add_instruction (path) @name) @risk.crypto
 (#match? @name "(?-u)\\.(crt|pem|cer|der)$|/ca-certificates(/|$)|/etc/pki/|/etc/ssl/certs"))

; =====================================================================================================
; data: destructive or schema-changing data operations: DELETE, DROP, TRUNCATE, migrations,
; recursive deletes
; =====================================================================================================

; Migrations and destructive database commands run while building or starting the container (not
; `rm -rf /var/lib/apt/lists/*`, which only trims the image).
([(run_instruction) (cmd_instruction) (entrypoint_instruction)] @risk.data
 (#match? @risk.data "(?-u)\\bmanage\\.py\\W+(migrate|flush|sqlflush|reset_db)\\b|\\b(rails|rake)\\s+db:(migrate|setup|reset|drop|schema:load|prepare)\\b|\\balembic\\W+(upgrade|downgrade|stamp)\\b|\\bprisma\\s+(migrate\\s+(deploy|reset|dev)|db\\s+push)\\b|\\bflyway\\b[^\\n]*\\b(migrate|clean)\\b|\\bliquibase\\b[^\\n]*\\b(update|drop-all)\\b|\\b(sequelize|sequelize-cli)\\s+db:migrate\\b|\\bknex\\s+migrate:|\\btypeorm\\b[^\\n]*migration:run\\b|\\bgoose\\b[^\\n]*\\s(up|down|reset)\\b|\\bdbmate\\s+(up|migrate|rollback|drop)\\b|\\bdiesel\\s+(migration\\s+run|database\\s+reset)\\b|\\bsqlx\\s+(migrate\\s+run|database\\s+(drop|reset))\\b|\\bartisan\\s+migrate\\b|\\bmix\\s+ecto\\.(migrate|reset|drop)\\b|\\bnpm\\s+run\\s+(db:)?migrat\\w*|\\b(DROP\\s+(TABLE|DATABASE|SCHEMA)|TRUNCATE\\s+(TABLE\\s+)?\\w)|\\bdropdb\\s|\\bFLUSHALL\\b|\\bdropDatabase\\(\\)"))

; =====================================================================================================
; dns: name resolution, DNS records and zones, resolvers, TTLs, service discovery
; =====================================================================================================

; Resolver configuration and host overrides written or copied into the image; the resolver chosen
; or tuned through the environment (Go's `netdns`, glibc's `RES_OPTIONS`, the JVM's DNS cache TTL).
((run_instruction) @risk.dns
 (#match? @risk.dns "(?-u)/etc/(resolv\\.conf|hosts|nsswitch\\.conf|gai\\.conf)\\b|networkaddress\\.cache(\\.negative)?\\.ttl|\\bdnsmasq\\b[^\\n]*(--server|--address)"))
((copy_instruction (path) @name) @risk.dns
 (#match? @name "(?-u)(^|/)(resolv\\.conf|hosts|nsswitch\\.conf|gai\\.conf|dnsmasq\\.conf)$"))
((env_pair
   name: (unquoted_string) @name
   (#any-of? @name "RES_OPTIONS" "LOCALDOMAIN" "HOSTALIASES" "GODEBUG" "JAVA_TOOL_OPTIONS" "JAVA_OPTS" "NODE_OPTIONS")) @risk.dns
 (#match? @risk.dns "(?-u)^(RES_OPTIONS|LOCALDOMAIN|HOSTALIASES)[=\\s]|netdns=|networkaddress\\.cache|inetaddr\\.ttl|dns-result-order"))

; =====================================================================================================
; config: configuration loading and defaults, feature flags, environment variables, timeouts,
; retries, limits
; =====================================================================================================

; Health checks.
(healthcheck_instruction) @risk.config
; The application's environment: which environment it runs as, debug and log level, timeouts,
; retries, limits, worker counts, memory settings, feature flags, service URLs. Not a build tool's
; variables (`PIP_*`, `NPM_*`, `DEBIAN_FRONTEND`, `PYTHONUNBUFFERED`, `PATH`, `LANG`).
(env_pair
  name: (unquoted_string) @name
  (#match? @name "(?-u)^(NODE_ENV|RAILS_ENV|RACK_ENV|APP_ENV|FLASK_ENV|FLASK_DEBUG|DJANGO_SETTINGS_MODULE|DJANGO_DEBUG|SPRING_PROFILES_ACTIVE|ASPNETCORE_ENVIRONMENT|DOTNET_ENVIRONMENT|GIN_MODE|MIX_ENV|ENVIRONMENT|ENV|STAGE|DEBUG|LOG_LEVEL|LOGLEVEL|LOG_FORMAT|RUST_LOG|RUST_BACKTRACE|WEB_CONCURRENCY|WORKERS|THREADS|GOMAXPROCS|GOMEMLIMIT|GOGC|NODE_OPTIONS|JAVA_OPTS|JAVA_TOOL_OPTIONS|JVM_OPTS|CATALINA_OPTS|MALLOC_ARENA_MAX|UV_THREADPOOL_SIZE|RAILS_MAX_THREADS|PUMA_WORKERS|RAILS_SERVE_STATIC_FILES|RAILS_LOG_TO_STDOUT|CONFIG_FILE|CONFIG_PATH|APP_CONFIG|SETTINGS_FILE)$|^(?:[A-Z0-9]+_)*(TIMEOUT|TIMEOUT_MS|TIMEOUT_SECONDS|RETRIES|MAX_RETRIES|LIMIT|RATE_LIMIT|CONCURRENCY|POOL_SIZE|MAX_CONNECTIONS|TTL|INTERVAL|ENABLED|DISABLED|URL|URI|ENDPOINT|BASE_URL)$|^(ENABLE|DISABLE|FEATURE|FF|FLAG)_[A-Z0-9_]+$|^MAX_[A-Z0-9_]+$")
  (#not-match? @name "(?-u)^(PIP|NPM|YARN|PNPM|POETRY|PYTHON|DEBIAN|APT|CARGO|RUSTUP|GRADLE|MAVEN|MVN|COMPOSER|BUNDLE|NODE_GYP|CONDA|UV|PIPENV|HOMEBREW|GEM|GIT|CURL|WGET|NVM|SDKMAN|DOCKER|BUILDKIT|CI|GITHUB|JENKINS|SONAR|CHROME|PUPPETEER|PLAYWRIGHT|CYPRESS)_")) @risk.config
