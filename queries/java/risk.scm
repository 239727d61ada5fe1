; Risk queries for java. Capture names say the category: @risk.<category>; @name names the hotspot.
;
; Conventions used below:
; - Compiling a pattern whose parent is a `method_invocation` or an `object_creation_expression`
;   costs more than a millisecond each (tree-sitter analyses every parse state its children can
;   appear in); a pattern on a single node costs almost nothing. So static calls, constructors,
;   annotations and calls on a receiver with a telling name are single-node patterns whose text is
;   matched by a regex anchored at its start ("^Runtime\\s*\\.\\s*getRuntime\\s*\\(", "^new\\s+
;   ProcessBuilder\\b", "^@\\s*PreAuthorize\\b"). A start-anchored regex gives up at the first
;   character that cannot match, so it costs a few bytes per node.
; - Methods called on any receiver (`http.csrf(..)`, `iam.createRole(..)`) are matched once per
;   category by name, `(method_invocation name: (identifier) @m (#any-of? @m ..))`.
; - A call in a builder chain starts where the chain starts: every captured call of a multi-line
;   `http.authorizeHttpRequests(..).csrf(..)` chain starts on the chain's first line.
; - Every regex uses Rust `regex` syntax; backslashes are doubled because these are query strings.
;   Each starts with `(?-u)`: ASCII classes compile several times faster than Unicode ones.
; - The captured node is what a reviewer must look at: the annotation for a security annotation,
;   the method or class for a definition, the call for a call, the variable declarator for a value,
;   the string for SQL or a credential.

; =====================================================================================================
; auth: authentication, sessions, tokens, passwords, permission checks, access-control decisions
; =====================================================================================================

; Spring Security, Jakarta / JSR-250 and Shiro annotations.
([(annotation) (marker_annotation)] @risk.auth
 (#match? @risk.auth "(?-u)^@\\s*(?:[\\w.]+\\.)?(?:PreAuthorize|PostAuthorize|PreFilter|PostFilter|Secured|RolesAllowed|PermitAll|DenyAll|EnableWebSecurity|EnableMethodSecurity|EnableGlobalMethodSecurity|EnableWebFluxSecurity|EnableReactiveMethodSecurity|AuthenticationPrincipal|CurrentSecurityContext|EnableResourceServer|EnableAuthorizationServer|EnableOAuth2Sso|RequiresAuthentication|RequiresRoles|RequiresPermissions|RequiresUser|RequiresGuest|Authenticated|WithMockUser|WithUserDetails)\\b"))

; Security configuration methods: filter chains, user-details services, authentication managers and
; providers, JWT decoders, and the `configure(HttpSecurity)` of WebSecurityConfigurerAdapter.
(method_declaration
  type: (_) @t
  (#match? @t "(?-u)^(SecurityFilterChain|SecurityWebFilterChain|UserDetailsService|ReactiveUserDetailsService|AuthenticationManager|ReactiveAuthenticationManager|AuthenticationProvider|JwtDecoder|ReactiveJwtDecoder|JwtAuthenticationConverter|WebSecurityCustomizer|AccessDecisionManager|AuthorizationManager<.*>|AuthenticationEntryPoint|AccessDeniedHandler|RoleHierarchy|MethodSecurityExpressionHandler|InMemoryUserDetailsManager|JdbcUserDetailsManager|SessionRegistry|RememberMeServices|OAuth2UserService<.*>|ClientRegistrationRepository)$")
  name: (identifier) @name) @risk.auth
(method_declaration
  name: (identifier) @name
  parameters: (formal_parameters
    (formal_parameter type: (_) @pt (#match? @pt "(?-u)^(HttpSecurity|ServerHttpSecurity|AuthenticationManagerBuilder|WebSecurity)$")))) @risk.auth

; Methods that verify tokens, passwords or sessions, check permissions, or log people in and out.
; Lexer-style names (`nextToken`, `peekToken`, `tokenize`) and input validation do not match.
(method_declaration
  name: (identifier) @name
  (#match? @name "(?-u)^(verify|validate|authenticate|decode|introspect|issue|mint|sign|refresh|revoke|invalidate|rotate|extract|blacklist|blocklist|store|create|parse|resolve)(\\w*)?(Token|Jwt|Jws|JwtToken|AccessToken|RefreshToken|BearerToken)s?$|^(get|extract|load|resolve|find)(Current|Authenticated|Logged[Ii]n)(User|Principal|Identity|Account)$|^(verify|validate|check|compare|reset|change|update|confirm|rehash|matches)(\\w*)?(Password|Passwd|Passphrase|Credentials?)s?$|^(create|start|begin|destroy|end|invalidate|revoke|renew|refresh|rotate|regenerate|expire|terminate|validate|verify|check)(\\w*)?Sessions?$|^(has|check|require|ensure|enforce|verify|authori[sz]e|can|is)(\\w*)?(Permission|Permissions|Role|Roles|Access|Scope|Scopes|Privilege|Privileges|Authority|Authorities|Ownership|Owner)$|^is(Admin|Superuser|SuperAdmin|Staff|Owner|Authenticated|Authori[sz]ed|LoggedIn|SignedIn|Permitted)$|^(can|may)(Access|Manage|Administer|Edit|Delete|Modify|View|Impersonate)(\\w*)?$|^(verify|validate|authenticate)(\\w*)?(ApiKey|Webhook|Claims|Credentials?|Identity|Signature|User)s?$|^(authenticate|authorize|authorise|login|logout|signIn|signOut|signUp|logIn|logOut|impersonate|reauthenticate)(\\w*)?$|^(loadUserByUsername|loadUserById|attemptAuthentication|successfulAuthentication|unsuccessfulAuthentication|doFilterInternal|preHandle|commence|onAuthenticationSuccess|onAuthenticationFailure|getAuthorities|isAccountNonLocked|isCredentialsNonExpired|isAccountNonExpired|convert|vote|decide|check|hasPermission|supports|additionalAuthenticationChecks|retrieveUser)$|(Jwt|Oauth2?|OAuth2?|Oidc|Saml|Sso|Mfa|Totp|Otp|TwoFactor|Csrf|Xsrf|Auth|Authn|Authz|Authentication|Authorization|Login|Logout)[A-Z]\\w*$|^(jwt|oauth2?|oidc|saml|sso|mfa|totp|otp|twoFactor|csrf|xsrf|auth|authn|authz|authentication|authorization)[A-Z]\\w*$")
  (#not-match? @name "(?-u)^(doFilterInternal|preHandle|convert|vote|decide|check|supports|commence)$|^author|^authority[A-Z]|^(format|parse|build|to|from)Authority")) @risk.auth
; ...and the framework callbacks of a class that authenticates.
(class_declaration
  name: (identifier) @cls (#match? @cls "(?-u)(?i)auth|jwt|token|security|login|session|permission|acl|apikey|api_key|principal|credential|access|bearer|oauth")
  body: (class_body
    (method_declaration
      name: (identifier) @name
      (#any-of? @name "doFilterInternal" "doFilter" "preHandle" "filter" "commence" "convert" "vote" "decide" "check" "supports")) @risk.auth))

; Classes that authenticate or decide access: Spring Security filters, providers, user-details
; services, entry points and handlers, method security, Jakarta filters and interceptors.
(class_declaration
  name: (identifier) @name
  superclass: (superclass) @s
  (#match? @s "(?-u)\\b(WebSecurityConfigurerAdapter|AbstractAuthenticationProcessingFilter|UsernamePasswordAuthenticationFilter|BasicAuthenticationFilter|AbstractPreAuthenticatedProcessingFilter|AbstractUserDetailsAuthenticationProvider|DaoAuthenticationProvider|GlobalMethodSecurityConfiguration|AuthorizingRealm|AuthenticatingRealm|AbstractSecurityWebApplicationInitializer|AbstractAuthenticationToken|OidcUserService|DefaultOAuth2UserService)\\b")) @risk.auth
(class_declaration
  name: (identifier) @name
  interfaces: (super_interfaces) @i
  (#match? @i "(?-u)\\b(UserDetailsService|ReactiveUserDetailsService|AuthenticationProvider|AuthenticationManager|UserDetails|AccessDecisionVoter|PermissionEvaluator|AuthenticationEntryPoint|AccessDeniedHandler|AuthorizationManager|AuthenticationSuccessHandler|AuthenticationFailureHandler|LogoutSuccessHandler|LogoutHandler|AuthenticationConverter|SecurityContextRepository|Realm|OAuth2UserService|JwtDecoder|BearerTokenResolver)\\b")) @risk.auth
(class_declaration
  name: (identifier) @name
  (#match? @name "(?-u)(?i)auth|jwt|token|security|login|session|permission|acl|apikey|principal|credential|bearer|oauth")
  [(superclass) (super_interfaces)] @s
  (#match? @s "(?-u)\\b(OncePerRequestFilter|GenericFilterBean|Filter|HandlerInterceptor|HandlerInterceptorAdapter|ContainerRequestFilter|WebFilter|GatewayFilter|GlobalFilter|ServerInterceptor|ClientHttpRequestInterceptor|RequestInterceptor|HandlerMethodArgumentResolver|ChannelInterceptor)\\b")) @risk.auth

; Spring Security's DSL and method calls that authenticate, authorise or handle sessions, on any
; receiver.
(method_invocation
  name: (identifier) @m
  (#any-of? @m "permitAll" "denyAll" "anonymous" "authenticated" "fullyAuthenticated" "hasRole" "hasAnyRole" "hasAuthority" "hasAnyAuthority" "hasIpAddress" "access" "authorizeRequests" "authorizeHttpRequests" "authorizeExchange" "csrf" "sessionManagement" "sessionCreationPolicy" "sessionFixation" "maximumSessions" "formLogin" "httpBasic" "oauth2Login" "oauth2ResourceServer" "oauth2Client" "saml2Login" "logout" "rememberMe" "userDetailsService" "authenticationProvider" "authenticationManager" "securityMatcher" "ignoring" "x509" "jee" "anonymous" "exceptionHandling" "authenticationEntryPoint" "accessDeniedHandler" "parseClaimsJws" "parseClaimsJwt" "parseSignedClaims" "parseUnsecuredClaims" "verifyWith" "setSigningKey" "setSigningKeyResolver" "requireIssuer" "requireAudience" "requireSubject" "authenticate" "login" "isUserInRole" "getUserPrincipal" "getRemoteUser" "isAuthenticated" "checkPermission" "isPermitted" "hasPermission" "setAuthentication" "getAuthentication" "clearContext" "loadUserByUsername" "withJwkSetUri" "withIssuerLocation" "jwtAuthenticationConverter" "decodeJwt" "verifyToken" "validateToken" "verifyPassword" "checkPassword" "changeSessionId" "invalidateHttpSession" "deleteCookies" "passwordParameter" "usernameParameter" "loginPage" "loginProcessingUrl" "defaultSuccessUrl" "addFilterBefore" "addFilterAfter" "addFilterAt")) @risk.auth
; JWT libraries (jjwt, java-jwt, Nimbus), the security context, password checks, servlet sessions,
; credentials read from request headers, session and token cookies, authentication tokens.
([(method_invocation) (object_creation_expression)] @risk.auth
 (#match? @risk.auth "(?-u)^(?:(?:[\\w.]+\\.)?(?:Jwts\\s*\\.\\s*(?:parser|parserBuilder|builder)|JWT\\s*\\.\\s*(?:require|create|decode)|SignedJWT\\s*\\.\\s*parse|JWTParser\\s*\\.\\s*parse|NimbusJwtDecoder\\s*\\.\\s*\\w+|NimbusReactiveJwtDecoder\\s*\\.\\s*\\w+|JwtDecoders\\s*\\.\\s*\\w+|ReactiveJwtDecoders\\s*\\.\\s*\\w+|SecurityContextHolder\\s*\\.\\s*\\w+|ReactiveSecurityContextHolder\\s*\\.\\s*\\w+|BCrypt\\s*\\.\\s*checkpw|User\\s*\\.\\s*(?:withUsername|withDefaultPasswordEncoder|builder))\\s*\\(|(?:this\\s*\\.\\s*)?\\w*(?:[Ee]ncoder|ENCODER)\\s*\\.\\s*(?:matches|upgradeEncoding)\\s*\\(|(?:this\\s*\\.\\s*)?\\w*[Vv]erifier\\s*\\.\\s*verify\\s*\\(|(?:this\\s*\\.\\s*)?\\w*(?:[Rr]equest|[Ee]xchange)\\w*\\s*\\.\\s*(?:getSession|changeSessionId|logout|getHeader|getHeaders|getFirst|getHeaderString|getCookies)\\s*\\((?:\\s|//[^\\n]*)*(?:\\)|(?:true|false)\\s*\\)|\"(?i:authorization|proxy-authorization|x-api-key|api-key|x-auth-token|x-access-token|x-csrf-token|x-xsrf-token)\"|(?:HttpHeaders\\s*\\.\\s*)?(?:AUTHORIZATION|PROXY_AUTHORIZATION)\\b)|(?:this\\s*\\.\\s*)?\\w*[Hh]eaders?\\s*\\.\\s*(?:getFirst|get|getHeaderString)\\s*\\((?:\\s|//[^\\n]*)*(?:\"(?i:authorization|x-api-key|x-auth-token)\"|(?:HttpHeaders\\s*\\.\\s*)?AUTHORIZATION\\b)|(?:this\\s*\\.\\s*)?\\w*[Ss]ession\\s*\\.\\s*(?:invalidate|setAttribute|removeAttribute|setMaxInactiveInterval)\\s*\\(|\\w*[Cc]ookie\\w*\\s*\\.\\s*(?:setHttpOnly|setSecure|setAttribute)\\s*\\(|[\\w.]*\\.\\s*(?:startsWith|replace|replaceFirst|substring|split|removeStart)\\s*\\((?:\\s|//[^\\n]*)*\"(?i:bearer|basic|token|jwt) ?\"|\"(?i:admin|root|superuser|owner|role_admin|role_superuser)\"\\s*\\.\\s*equals(?:IgnoreCase)?\\s*\\(|(?:this\\s*\\.\\s*)?[\\w.]*(?i:password|passwd|apikey|api_key|secret|token)\\w*(?:\\s*\\(\\s*\\))?\\s*\\.\\s*equals(?:IgnoreCase)?\\s*\\(|[\\w.]*\\.\\s*get(?:Role|Roles|Authorities|Authority|Permissions|Scopes)\\s*\\(\\s*\\)\\s*\\.\\s*(?:equals|contains|containsAll|stream)\\s*\\(|new\\s+(?:[\\w.]+\\.)?(?:UsernamePasswordAuthenticationToken|PreAuthenticatedAuthenticationToken|BearerTokenAuthenticationToken|JwtAuthenticationToken|AnonymousAuthenticationToken|RememberMeAuthenticationToken|UsernamePasswordToken|HttpSessionSecurityContextRepository|JwtAuthenticationConverter)\\s*[(<]|new\\s+(?:[\\w.]+\\.)?Cookie\\s*\\((?:\\s|//[^\\n]*)*\"[^\"]*(?i:sess|sid|auth|token|jwt|remember|csrf|xsrf|login)|(?:[\\w.]+\\.)?ResponseCookie\\s*\\.\\s*from\\s*\\((?:\\s|//[^\\n]*)*\"[^\"]*(?i:sess|sid|auth|token|jwt|remember|csrf|xsrf|login))"))
; Role comparisons: `user.getRole() == Role.ADMIN`.
((binary_expression) @risk.auth
 (#match? @risk.auth "(?-u)^[\\w.]*(?:get)?(?:Role|role|Roles|roles|Authority|authority)\\s*(?:\\(\\s*\\))?\\s*[!=]="))
((binary_expression) @risk.auth
 (#match? @risk.auth "(?-u)[!=]=\\s*(?:[\\w.]+\\.)?(?:Role|Roles|UserRole|Authority|Permission)\\s*\\.\\s*[A-Z_]+$"))

; =====================================================================================================
; iam: roles, policies, grants, RBAC, privilege changes, service accounts
; =====================================================================================================

; Methods that grant, revoke or change roles, permissions and policies.
(method_declaration
  name: (identifier) @name
  (#match? @name "(?-u)^(grant|assign|add|revoke|remove|attach|detach|set|update|change|create|delete|put|give|promote|demote|elevate|escalate|bind|unbind|sync)(\\w*)?(Role|Roles|Permission|Permissions|Privilege|Privileges|Grant|Grants|Acl|Acls|RoleBinding|RoleBindings|Authority|Authorities|Admin|Superuser|Membership|ServiceAccount|IamBinding|IamMember|Policy|Policies)$|^(make|promote)(\\w*)?(Admin|Superuser|Owner)$|^(assumeRole|impersonateRole|impersonateServiceAccount)$")
  (#not-match? @name "(?-u)(?i)retry|backoff|cache|evict|timeout|restart|retention|compaction|lifecycle|cors|csp|referrer|redirect|schedul|balanc|passwordpolicy")) @risk.iam

; AWS IAM and STS (SDK v1 and v2), GCP IAM, Kubernetes RBAC, S3 and KMS policies, application roles,
; on any receiver.
(method_invocation
  name: (identifier) @m
  (#match? @m "(?-u)^(create|delete|update)(Role|Policy|PolicyVersion|LoginProfile|InstanceProfile|ServiceLinkedRole|SamlProvider|OpenIDConnectProvider|ServiceAccount|ServiceAccountKey)$|^(attach|detach|put|delete)(Role|User|Group)Policy$|^(putRolePermissionsBoundary|putUserPermissionsBoundary|updateAssumeRolePolicy|addRoleToInstanceProfile|removeRoleFromInstanceProfile|addUserToGroup|removeUserFromGroup|createAccessKey|updateAccessKey|assumeRole|assumeRoleWithWebIdentity|assumeRoleWithSAML|getFederationToken|setDefaultPolicyVersion|setIamPolicy|testIamPermissions|addIdentity|removeIdentity|addBinding|removeBinding|putBucketPolicy|deleteBucketPolicy|putBucketAcl|putObjectAcl|setBucketAcl|setObjectAcl|putKeyPolicy|createGrant|revokeGrant|addPermission|removePermission|setRole|setRoles|setAuthorities|setAdmin|setSuperuser|setSuperUser|setIsAdmin|setPermissions|setPrivileges|setAccessLevel|addRole|removeRole|grantRole|revokeRole|assignRole|grantAuthority|addAuthority|grantPermission|revokePermission|assignPermission|setGroups)$|^(create|replace|patch|delete)(Namespaced)?(Cluster)?Role(Binding)?$|^(create|replace|patch|delete)NamespacedServiceAccount$")) @risk.iam
; IAM clients, request builders and objects; GCP bindings and roles; Spring authorities granted;
; role collections changed; file permissions.
([(method_invocation) (object_creation_expression)] @risk.iam
 (#match? @risk.iam "(?-u)^(?:(?:[\\w.]+\\.)?(?:IamClient|IamAsyncClient|StsClient|StsAsyncClient|AmazonIdentityManagementClientBuilder|AmazonIdentityManagementClient|AWSSecurityTokenServiceClientBuilder|IAMClient|IamCredentialsClient|PoliciesClient|OrganizationsClient|(?:Create|Delete|Attach|Detach|Put|Update|Add|Remove)\\w*(?:Role|Policy|AccessKey|InstanceProfile|UserToGroup|PermissionsBoundary|ServiceAccount)\\w*Request|AssumeRole\\w*Request|Binding|RoleBinding|V1RoleBinding|V1ClusterRoleBinding|V1Role|V1ClusterRole|V1PolicyRule|RoleBindingBuilder|ClusterRoleBindingBuilder|PolicyRuleBuilder)\\s*\\.\\s*(?:builder|create|newBuilder|standard|defaultClient)\\s*\\(|(?:[\\w.]+\\.)?(?:Role\\s*\\.\\s*of|StorageRoles\\s*\\.\\s*\\w+|AuthorityUtils\\s*\\.\\s*(?:createAuthorityList|commaSeparatedStringToAuthorityList)|PosixFilePermissions\\s*\\.\\s*fromString|Files\\s*\\.\\s*(?:setPosixFilePermissions|setOwner|setAttribute))\\s*\\(|new\\s+(?:[\\w.]+\\.)?(?:(?:Create|Delete|Attach|Detach|Put|Update|Add|Remove)\\w*(?:Role|Policy|AccessKey|InstanceProfile|UserToGroup|PermissionsBoundary)\\w*Request|AssumeRole\\w*Request|SimpleGrantedAuthority|V1RoleBinding|V1ClusterRoleBinding|V1Role|V1ClusterRole|V1PolicyRule|RoleBindingBuilder|ClusterRoleBindingBuilder|ClusterRoleBuilder|RoleBuilder)\\s*[(<]|[\\w.]*\\.\\s*get(?:Roles|Authorities|Permissions|Groups|Privileges)\\s*\\(\\s*\\)\\s*\\.\\s*(?:add|addAll|remove|removeIf|clear|set|put)\\s*\\(|\\w*(?:[Ff]ile|[Dd]ir|[Pp]ath)\\w*\\s*\\.\\s*set(?:Executable|Writable|Readable)\\s*\\([^,()]*,\\s*false\\s*\\))"))

; Policy documents in strings and text blocks, ARNs of roles and policies, SQL grants.
((string_literal) @risk.iam
 (#match? @risk.iam "(?-u)\\\\?\"(Effect|Statement|Principal|NotPrincipal|NotAction)\\\\?\"\\s*:|^\"arn:aws[\\w-]*:(iam|sts)::|(?m)(^|\"|;)\\s*((GRANT|REVOKE)\\s+\\w+|(?i:grant\\s+[\\w, ]+\\s+on\\s+[\\w.\"*]+(\\s+\\w+)*\\s+to|revoke\\s+[\\w, ]+\\s+on\\s+[\\w.\"*]+(\\s+\\w+)*\\s+from|create\\s+(role|user)|alter\\s+(role|user)|drop\\s+(role|user))\\s)"))

; Role and permission types.
(enum_declaration
  name: (identifier) @name
  (#match? @name "(?-u)^(User|Admin|Account|Org|Organization|Team|Member|Group|Access|Iam|Rbac|Tenant|Project|Workspace)?(Role|Permission|Privilege|Authority)s?$")) @risk.iam

; =====================================================================================================
; dns: name resolution, DNS records and zones, resolvers, TTLs, service discovery
; =====================================================================================================

; InetAddress lookups, the JVM's DNS cache TTLs, dnsjava, JNDI DNS, Netty's resolver, Route53 clients
; and record builders, record types and change actions.
([(method_invocation) (object_creation_expression)] @risk.dns
 (#match? @risk.dns "(?-u)^(?:(?:[\\w.]+\\.)?(?:InetAddress\\s*\\.\\s*(?:getByName|getAllByName|getLocalHost)|InetSocketAddress\\s*\\.\\s*createUnresolved|Lookup\\s*\\.\\s*(?:setDefaultResolver|getDefaultResolver|setDefaultCache|setDefaultSearchPath)|(?:Route53Client|Route53AsyncClient|AmazonRoute53ClientBuilder|AmazonRoute53Client|ChangeResourceRecordSetsRequest|ResourceRecordSet|ResourceRecord|ChangeBatch|CreateHostedZoneRequest|DeleteHostedZoneRequest|AliasTarget|DnsClient|ServiceDiscoveryClient)\\s*\\.\\s*(?:builder|create|standard|defaultClient)|(?:java\\.security\\.)?Security\\s*\\.\\s*setProperty\\s*\\((?:\\s|//[^\\n]*)*\"networkaddress\\.cache|System\\s*\\.\\s*setProperty\\s*\\((?:\\s|//[^\\n]*)*\"(?:sun\\.net\\.inetaddr|sun\\.net\\.spi\\.nameservice|jdk\\.net\\.hosts\\.file))|[\\w.]*\\.\\s*getCanonicalHostName\\s*\\(|new\\s+(?:[\\w.]+\\.)?(?:Lookup|SimpleResolver|ExtendedResolver|DnsNameResolverBuilder|InitialDirContext|ResourceRecordSet|ChangeResourceRecordSetsRequest|ChangeBatch|ARecord|AAAARecord|CNAMERecord|TXTRecord|MXRecord|SRVRecord)\\s*[(<]|new\\s+(?:[\\w.]+\\.)?(?:Change|Update)\\s*\\((?:\\s|//[^\\n]*)*(?:ChangeAction|Name\\s*\\.))"))
(method_invocation
  name: (identifier) @m
  (#any-of? @m "changeResourceRecordSets" "createHostedZone" "deleteHostedZone" "associateVPCWithHostedZone" "disassociateVPCFromHostedZone" "createTrafficPolicyInstance" "resourceRecordSet" "resourceRecords" "changeBatch" "hostedZoneId" "withResourceRecordSet" "withChangeBatch" "withTTL" "registerInstance" "deregisterInstance" "createDnsRecord" "updateDnsRecord" "deleteDnsRecord" "resolveAll")) @risk.dns
((variable_declarator) @risk.dns
 (#match? @risk.dns "(?-u)^(?i:(?:dns|record|zone|rr|rrset|resolver|negative|soa)_?(?:min_?|max_?)?ttl(?:_?(?:secs?|seconds|s|millis|ms))?)\\s*="))
((field_access) @risk.dns
 (#match? @risk.dns "(?-u)^(?:[\\w.]+\\.)?(?:RRType|RrType|ChangeAction)\\s*\\.\\s*[A-Z]+$"))

; Methods that resolve names or manage records and zones.
(method_declaration
  name: (identifier) @name
  (#match? @name "(?-u)(Dns|DNS|Nameservers?|HostedZones?|DnsRecords?|SrvRecords?|ARecords?|Cname|CnameRecords?|PtrRecords?|TxtRecords?|MxRecords?|ZoneFile|ResourceRecordSets?)(\\w*)?$|^(dns|nameservers?|hostedZones?|cname)[A-Z]?\\w*$|^resolve(Host|Hostname|Hostnames|Addr|Addrs|Address|Addresses|Domain|Srv|Service|Endpoint|Peer)s?$|^(lookup|reverseLookup)(Host|Hostname|Ip|Addr|Address|Domain|Name|Srv|Txt|Mx)s?$")) @risk.dns

; Resolver configuration files and DNS servers, JNDI DNS.
((string_literal) @risk.dns
 (#match? @risk.dns "(?-u)^\"(/etc/resolv\\.conf|/etc/hosts|/etc/nsswitch\\.conf|(\\d{1,3}\\.){3}\\d{1,3}:53|\\[[0-9a-fA-F:]+\\]:53|dns://[^\"]*|com\\.sun\\.jndi\\.dns\\.DnsContextFactory|networkaddress\\.cache\\.(negative\\.)?ttl|sun\\.net\\.inetaddr\\.(negative\\.)?ttl)\"$"))

; =====================================================================================================
; config: configuration loading and defaults, feature flags, environment variables, timeouts,
; retries, limits
; =====================================================================================================

; Spring configuration annotations, properties, profiles, conditional beans (feature switches), and
; resilience annotations (retries, circuit breakers, rate limits, timeouts).
([(annotation) (marker_annotation)] @risk.config
 (#match? @risk.config "(?-u)^@\\s*(?:[\\w.]+\\.)?(?:Value\\s*\\((?:\\s|//[^\\n]*)*(?:value\\s*=\\s*)?\"[^\"]*\\$\\{|ConfigurationProperties|EnableConfigurationProperties|ConfigurationPropertiesScan|PropertySource|PropertySources|TestPropertySource|ConditionalOnProperty|ConditionalOnExpression|Profile|ActiveProfiles|RefreshScope|Retryable|Recover|EnableRetry|CircuitBreaker|RateLimiter|TimeLimiter|Bulkhead|Retry|Timeout|ConfigProperty|ConfigMapping|Transactional\\s*\\([^)]*\\btimeout\\s*=)"))

; Environment variables and system properties (not DNS or proxy ones), Spring's Environment,
; Properties files, resilience4j / Guava / Spring Retry configuration, HTTP client timeouts.
([(method_invocation) (object_creation_expression)] @risk.config
 (#match? @risk.config "(?-u)^(?:(?:java\\.lang\\.)?System\\s*\\.\\s*(?:getenv|getProperty|getProperties|setProperty|clearProperty)\\s*\\(|(?:Integer\\s*\\.\\s*getInteger|Long\\s*\\.\\s*getLong|Boolean\\s*\\.\\s*getBoolean)\\s*\\(|(?:this\\s*\\.\\s*)?\\w*(?:[Ee]nv|[Ee]nvironment|ENV)\\s*\\.\\s*(?:getProperty|getRequiredProperty|containsProperty|getActiveProfiles|acceptsProfiles|resolvePlaceholders)\\s*\\(|(?:this\\s*\\.\\s*)?\\w*(?:[Pp]rops|[Pp]roperties|[Cc]onfig|[Cc]onf|[Ss]ettings)\\s*\\.\\s*(?:load|loadFromXML|getProperty|setProperty|getString|getInt|getBoolean|getLong|getDuration)\\s*\\(|(?:[\\w.]+\\.)?(?:CircuitBreakerConfig|RetryConfig|TimeLimiterConfig|RateLimiterConfig|BulkheadConfig|RetryTemplate|RetryPolicy|Failsafe|ConfigFactory|Dotenv|RateLimiter)\\s*\\.\\s*(?:custom|builder|create|of|ofDefaults|load|parseFile|parseResources|configure|with)\\s*\\(|new\\s+(?:[\\w.]+\\.)?(?:RetryTemplate|SimpleRetryPolicy|ExponentialBackOffPolicy|FixedBackOffPolicy|ExponentialBackOff|FixedBackOff|Properties|PropertiesConfiguration|YamlPropertiesFactoryBean|PropertySourcesPlaceholderConfigurer|HikariConfig)\\s*[(<])")
 (#not-match? @risk.config "(?-u)^(?:java\\.lang\\.)?System\\s*\\.\\s*(?:setProperty|getProperty)\\s*\\((?:\\s|//[^\\n]*)*\"(?:sun\\.net\\.inetaddr|https?\\.proxy|https?\\.nonProxyHosts|socksProxy|javax\\.net\\.ssl|jdk\\.tls|https\\.protocols|jdk\\.net\\.hosts)"))
; Timeouts, retries, pools and limits on builders and clients (OkHttp, java.net.http, Apache
; HttpClient, HikariCP, Jedis, gRPC, Netty, resilience4j), on any receiver.
(method_invocation
  name: (identifier) @m
  (#match? @m "(?-u)^(set|with)?(Connect|Read|Write|Call|Socket|Connection|ConnectionRequest|Idle|Request|Response|Query|Keep[Aa]live|Handshake|Validation|Initialization|Login|Statement|Transaction|Lock|Acquire|Pool|Shutdown|Default)?Timeout(Millis|Ms|Seconds|InMillis)?$|^(set|with)?(MaxRetries|MaxAttempts|MaxRetry|RetryCount|RetryOnConnectionFailure|Retries|RetryPolicy|RetryHandler|MaximumPoolSize|MinimumIdle|MaxLifetime|MaxTotal|MaxIdle|MinIdle|MaxWait|MaxWaitMillis|DefaultMaxPerRoute|MaxConnTotal|MaxConnPerRoute|MaxConnections|MaxConnectionsPerRoute|MaxRequests|MaxRequestsPerHost|KeepAliveTime|KeepAliveDuration|WaitDuration|FailureRateThreshold|SlowCallRateThreshold|SlidingWindowSize|MinimumNumberOfCalls|TimeoutDuration|LimitForPeriod|LimitRefreshPeriod|MaxConcurrentCalls|MaxWaitDuration|BackoffMultiplier|InitialInterval|MaxInterval|RateLimit|Backlog|SoBacklog|WorkerThreads|IoThreads|MaxThreads|MinThreads|CorePoolSize|MaxPoolSize|QueueCapacity|MaxInMemorySize|MaxInboundMessageSize|MaxHeaderSize|MaxPayloadLength|MaxContentLength|FetchSize|BatchSize)$|^(connectTimeout|readTimeout|writeTimeout|callTimeout|maxRetries|maxAttempts|retryOnConnectionFailure|connectionPool|waitDuration|failureRateThreshold|slidingWindowSize|timeoutDuration|limitForPeriod|limitRefreshPeriod|maxConcurrentCalls|keepAliveTime|idleTimeout|maxLifetime|maxInboundMessageSize|maxRequestsPerHost|responseTimeout|followRedirects)$")) @risk.config
; Feature flags: LaunchDarkly, Unleash, FF4J, Togglz, OpenFeature, Split, by flag name.
(method_invocation
  name: (identifier) @m
  (#any-of? @m "boolVariation" "stringVariation" "intVariation" "doubleVariation" "jsonValueVariation" "boolVariationDetail" "isEnabled" "isFeatureEnabled" "isFlagEnabled" "isActive" "getBooleanValue" "getStringValue" "getBooleanDetails" "getTreatment" "check" "isOn" "getFeatureFlag")
  arguments: (argument_list . [(string_literal) (identifier) (field_access)] @first)
  (#match? @first "(?-u)^(\"|[A-Z][A-Z0-9_]+$|(\\w+\\.)*[A-Z][A-Z0-9_]+$|(Feature|Features|Flag|Flags|FeatureFlags|MyFeatures)\\.)")) @risk.config

; Constants and fields that set timeouts, retries, limits, feature switches and environments.
([
  (field_declaration declarator: (variable_declarator name: (identifier) @name value: (_) @v))
  (constant_declaration declarator: (variable_declarator name: (identifier) @name value: (_) @v))
  (local_variable_declaration declarator: (variable_declarator name: (identifier) @name value: (_) @v))
 ] @risk.config
 (#match? @name "(?-u)(^|_)(TIMEOUT|TIMEOUTS|DEADLINE|RETRIES|RETRY|ATTEMPTS|BACKOFF|KEEPALIVE|KEEP_ALIVE|QUOTA|BURST|CONCURRENCY|THRESHOLD|LIMIT|LIMITS|MAX|MIN|TTL|EXPIRY|EXPIRATION|LIFETIME|RPS|QPS|POOL_SIZE|BATCH_SIZE|PAGE_SIZE|BUFFER_SIZE|COOLDOWN|JITTER|WORKERS|THREADS|INTERVAL|DELAY|GRACE_PERIOD|CONNECTIONS|CAPACITY)(_|$)|^(FEATURE|FF|FLAG|ENABLE|DISABLE|USE|EXPERIMENTAL|BETA|ROLLOUT|KILL_SWITCH)_|_(ENABLED|DISABLED|FLAG|FEATURE|PERCENT|SECS|SECONDS|MS|MILLIS|MINUTES|HOURS)$|^(DEBUG|ENV|ENVIRONMENT|PROFILE|LOG_LEVEL|STAGE)$|^[a-z]\\w*(Timeout|TimeoutMs|TimeoutMillis|TimeoutSeconds|Retries|MaxRetries|MaxAttempts|RetryCount|RetryDelay|Backoff|PoolSize|MaxConnections|RateLimit|KeepAlive|GracePeriod|Ttl)$|^(timeout|retries|maxRetries|maxAttempts|poolSize|maxConnections|rateLimit|keepAlive)$")
 (#match? @v "(?-u)^([-+]?\\d|true$|false$|\"|Duration\\s*\\.\\s*of\\w+\\s*\\(|TimeUnit\\s*\\.\\s*\\w+\\s*\\.\\s*to\\w+\\s*\\(|\\d[\\d_]*\\s*\\*)")
 (#not-match? @v "(?-u)^[01]$")
 (#not-match? @name "(?-u)^(DNS|RECORD|ZONE)_|(?i)token|session|password|secret"))

; Methods that load configuration or provide defaults.
(method_declaration
  name: (identifier) @name
  (#match? @name "(?-u)^(load|read|parse|init|get|build|reload|apply|default|validate|configure)(\\w*)?(Config|Configuration|Settings|Conf|Cfg|Env|Environment|FeatureFlags?|Properties)$|^fromEnv$")
  (#not-match? @name "(?-u)^(get|build)(\\w*)?(SecurityConfig|CorsConfiguration)$")) @risk.config

; =====================================================================================================
; crypto: TLS settings, certificate verification, ciphers, signing, randomness for security
; =====================================================================================================

; JCA / JSSE factories and weak digests, Spring password encoders (NoOp included), jjwt / java-jwt
; keys and algorithms, BCrypt hashing, commons-codec MD5/SHA-1, HttpsURLConnection defaults,
; trust-all and hostname-verifier-off helpers, secure random, key and IV specs.
([(method_invocation) (object_creation_expression)] @risk.crypto
 (#match? @risk.crypto "(?-u)^(?:(?:[\\w.]+\\.)?(?:SSLContext|SSLContexts|SSLContextBuilder|KeyStore|KeyManagerFactory|TrustManagerFactory|Cipher|Mac|Signature|KeyGenerator|KeyPairGenerator|SecretKeyFactory|KeyFactory|KeyAgreement|CertificateFactory|SecureRandom|SslContextBuilder|GrpcSslContexts|NoOpPasswordEncoder|PasswordEncoderFactories|Keys|Algorithm|BCrypt|SCryptUtil|HttpsURLConnection|SSLConnectionSocketFactoryBuilder|ClientTlsStrategyBuilder|TlsChannelCredentials|InsecureTrustManagerFactory|Encryptors|KeyGenerators)\\s*\\.\\s*(?:getInstance|getInstanceStrong|getDefault|custom|create|forClient|forServer|configure|createDelegatingPasswordEncoder|hmacShaKeyFor|secretKeyFor|keyPairFor|HMAC256|HMAC384|HMAC512|RSA256|RSA384|RSA512|ECDSA256|ECDSA384|ECDSA512|none|hashpw|gensalt|scrypt|check|setDefaultHostnameVerifier|setDefaultSSLSocketFactory|loadTrustMaterial|loadKeyMaterial|trustManager|newBuilder|builder|text|stronger|standard|delux|noOpText|secureRandom|string|shared)\\s*\\(|(?:[\\w.]+\\.)?MessageDigest\\s*\\.\\s*(?:getInstance\\s*\\((?:\\s|//[^\\n]*)*\"(?i:md2|md4|md5|sha-?1|sha)\"|isEqual\\s*\\()|(?:[\\w.]+\\.)?DigestUtils\\s*\\.\\s*(?:md5|md5Hex|sha1|sha1Hex|md2|md2Hex|sha)\\s*\\(|(?:[\\w.]+\\.)?Hashing\\s*\\.\\s*(?:md5|sha1|hmacMd5|hmacSha1|hmacSha256|hmacSha512)\\s*\\(|new\\s+(?:[\\w.]+\\.)?(?:X509TrustManager|X509ExtendedTrustManager|TrustManager|HostnameVerifier|SecureRandom|SecretKeySpec|IvParameterSpec|GCMParameterSpec|PBEKeySpec|PBEParameterSpec|DESKeySpec|DESedeKeySpec|RSAPublicKeySpec|RSAPrivateKeySpec|PKCS8EncodedKeySpec|X509EncodedKeySpec|BCryptPasswordEncoder|Argon2PasswordEncoder|Pbkdf2PasswordEncoder|SCryptPasswordEncoder|StandardPasswordEncoder|MessageDigestPasswordEncoder|LdapShaPasswordEncoder|Md5PasswordEncoder|ShaPasswordEncoder|DelegatingPasswordEncoder|NoopHostnameVerifier|AllowAllHostnameVerifier|TrustAllStrategy|TrustSelfSignedStrategy|SSLConnectionSocketFactory|DefaultHostnameVerifier|StandardPBEStringEncryptor|AesBytesEncryptor|NimbusJwtEncoder|RSAKey\\.Builder|OctetSequenceKey\\.Builder|MACSigner|MACVerifier|RSASSASigner|RSASSAVerifier|ECDSASigner|ECDSAVerifier|JWSHeader)\\s*[(<.]|(?:this\\s*\\.\\s*)?\\w*(?:[Ee]ncoder|ENCODER)\\s*\\.\\s*encode\\s*\\(|(?:this\\s*\\.\\s*)?\\w*(?:[Ss]sl|SSL|[Tt]ls|TLS)\\w*\\s*\\.\\s*(?:init|setEnabledProtocols|setEnabledCipherSuites|setUseClientMode|setNeedClientAuth|setWantClientAuth|getSocketFactory|createSSLEngine)\\s*\\(|(?:this\\s*\\.\\s*)?\\w*(?:[Cc]ipher|[Mm]ac|[Ss]igner|[Ss]ignature|[Dd]igest|^md|[Ee]ncryptor)\\w*\\s*\\.\\s*(?:doFinal|init|sign|verify|digest|initSign|initVerify|encrypt|decrypt)\\s*\\()"))
; TLS switches on HTTP clients and connections, on any receiver.
(method_invocation
  name: (identifier) @m
  (#any-of? @m "setHostnameVerifier" "hostnameVerifier" "setSSLHostnameVerifier" "setSSLSocketFactory" "sslSocketFactory" "sslContext" "setSslcontext" "setSSLContext" "sslParameters" "setSslContextFactory" "loadTrustMaterial" "loadKeyMaterial" "setEnabledProtocols" "setEnabledCipherSuites" "setDefaultSSLParameters" "useTransportSecurity" "usePlaintext" "trustManager" "keyManager" "sslProvider" "ciphers" "protocols" "setTrustStore" "setKeyStore" "setTrustAll" "trustAll" "setVerifyHostname" "setSSLCheckingEnabled" "signWith" "sign" "withKeyId" "setSecretKey")) @risk.crypto
; Trust managers and hostname verifiers written by hand, and cipher and key helpers.
(method_declaration
  name: (identifier) @name
  (#match? @name "(?-u)^(checkServerTrusted|checkClientTrusted|getAcceptedIssuers)$|^(hash|rehash)(\\w*)?(Password|Passwd|Passphrase|Secret|Token|ApiKey|Pin)s?$|^(load|read|parse|generate|gen|create|new|make|random|derive|rotate)(\\w*)?(PrivateKey|SigningKey|EncryptionKey|SecretKey|KeyPair|Keypair|Cert|Certs|Certificate|Certificates|SslContext|SSLContext|TlsContext|TrustManager|TrustManagers|KeyManager|KeyStore|TrustStore|Nonce|Salt|Iv|KeyMaterial|HmacKey|AesKey|MasterKey)s?$|^(generate|gen|new|make|random)(\\w*)?(Secret|Secrets|ApiKey|Token|SessionToken|Otp|CsrfToken|Password|Passphrase|Pin|ResetCode|InviteCode|VerificationCode)s?$|^(encrypt|decrypt|sign|hmac|cipher|seal|unseal)([A-Z]\\w*)?$|(Encrypt|Decrypt|Encryption|Decryption|SslContext|SSLContext|TlsContext|Cipher|Hmac|KeyPair|TrustAll|TrustManager)([A-Z]\\w*)?$|[a-z](Signature|Signatures)$")
  (#not-match? @name "(?-u)^(signUp|signIn|signOut|signup|signin|signout)\\w*$|Signature(Pad|Field|Image|Block|Line)")) @risk.crypto
(method_declaration
  type: (_) @t
  (#match? @t "(?-u)^(PasswordEncoder|SSLContext|SslContext|TrustManager\\[\\]|X509TrustManager|HostnameVerifier|KeyStore|TrustManagerFactory|KeyManagerFactory|SSLSocketFactory|SSLConnectionSocketFactory|Cipher|Mac|SecretKey|SecretKeySpec|KeyPair|PrivateKey|JWKSource<.*>|JwtEncoder|BytesEncryptor|TextEncryptor)$")
  name: (identifier) @name) @risk.crypto
(method_declaration
  name: (identifier) @name (#eq? @name "verify")
  parameters: (formal_parameters (formal_parameter type: (_) @t (#eq? @t "String")) (formal_parameter type: (_) @t2 (#eq? @t2 "SSLSession")))) @risk.crypto
(class_declaration
  name: (identifier) @name
  interfaces: (super_interfaces) @i
  (#match? @i "(?-u)\\b(X509TrustManager|X509ExtendedTrustManager|TrustManager|HostnameVerifier|TrustStrategy|KeyManager|X509KeyManager|PasswordEncoder|AttributeConverter)\\b")
  (#not-match? @i "(?-u)AttributeConverter")) @risk.crypto
; Insecure singletons: trust-all managers and hostname verifiers that accept everything.
((field_access) @risk.crypto
 (#match? @risk.crypto "(?-u)^(?:[\\w.]+\\.)?(?:InsecureTrustManagerFactory\\s*\\.\\s*INSTANCE|NoopHostnameVerifier\\s*\\.\\s*INSTANCE|SSLConnectionSocketFactory\\s*\\.\\s*ALLOW_ALL_HOSTNAME_VERIFIER|TrustAllStrategy\\s*\\.\\s*INSTANCE|SignatureAlgorithm\\s*\\.\\s*(?:NONE|HS256|HS384|HS512|RS256|RS512|ES256)|JWSAlgorithm\\s*\\.\\s*\\w+)$"))
; A random value bound to a name that says it is a token, secret, nonce, salt, password or one-time
; code: java.util.Random, Math.random, ThreadLocalRandom, commons-lang RandomStringUtils, UUIDs and
; the clock are not secure for that.
((variable_declarator) @risk.crypto
 (#match? @risk.crypto "(?-u)^\\w*(?i:token|tokens|secret|otp|salt|nonce|password|passwd|verificationcode|verification_code|resetcode|reset_code|invitecode|invite_code|pin|apikey|api_key|sessionid|session_id|csrf|iv)\\s*=[^;]*?(?:new\\s+Random\\s*\\(|Math\\s*\\.\\s*random\\s*\\(|ThreadLocalRandom\\s*\\.|RandomStringUtils\\s*\\.\\s*random\\w*\\s*\\(|RandomUtils\\s*\\.|UUID\\s*\\.\\s*randomUUID\\s*\\(|System\\s*\\.\\s*(?:currentTimeMillis|nanoTime)\\s*\\(|\\b(?:random|rand|rnd|rng)\\s*\\.\\s*next(?:Int|Long|Double|Bytes)\\s*\\()"))

; =====================================================================================================
; secrets: credentials, API keys, secret loading and storage, hard-coded secrets
; =====================================================================================================

; A string literal bound to a name that says it is a credential (fields, constants, locals). Env
; variable names, placeholders, header names and URLs without credentials do not count.
(variable_declarator
  name: (identifier) @name
  (#match? @name "(?-u)(?i)(password|passwd|passphrase|secret|secret_?key|secret_?access_?key|client_?secret|api_?key|access_?key(_?id)?|private_?key|auth_?token|access_?token|refresh_?token|bearer_?token|api_?token|bot_?token|token|credentials?|signing_?key|encryption_?key|master_?key|hmac_?key|jwt_?secret|webhook_?secret|session_?secret|cookie_?secret|app_?secret|db_?pass|keystore_?pass|truststore_?pass|store_?pass|key_?pass)$")
  value: (string_literal) @v
  (#match? @v "(?-u)^\"[^\"]{4,}\"$")
  (#not-match? @v "(?-u)^\"([A-Z][A-Z0-9_]{2,}|[A-Z][A-Za-z]*(-[A-Za-z]+)+|<[^\"]*>|\\$\\{[^\"]*\\}|\\{\\{?[^\"]*\\}\\}?|[*x.]+|(Bearer|Basic|Token) ?|(?i:your|my|example|placeholder|dummy|fake|redacted|test|testing)[-_ ][^\"]*|(?i:none|null|password|secret|token|changeit_placeholder)|https?://[^\":@]*|/[^\"]*|[a-z]+(\\.[a-z_]+)+|[a-z]+(-[a-z]+)*)\"$")) @risk.secrets
; A credential passed as a literal: builder and setter calls, JDBC connections, credentials objects,
; key stores opened with a literal password.
(method_invocation
  name: (identifier) @m
  (#any-of? @m "password" "setPassword" "withPassword" "apiKey" "setApiKey" "withApiKey" "secretKey" "setSecretKey" "accessKey" "setAccessKey" "secret" "setSecret" "clientSecret" "setClientSecret" "token" "setToken" "withToken" "accessToken" "setAccessToken" "authToken" "setAuthToken" "bearerToken" "privateKey" "setPrivateKey" "setKeyStorePassword" "setTrustStorePassword" "keyStorePassword" "trustStorePassword" "credentials" "setCredentials" "basicAuth" "setBasicAuth" "withCredentials")
  arguments: (argument_list . (string_literal) @v)
  (#match? @v "(?-u)^\"[^\"]{4,}\"$")
  (#not-match? @v "(?-u)^\"([A-Z][A-Z0-9_]{2,}|<[^\"]*>|\\$\\{[^\"]*\\}|[*x.]+|(?i:your|example|placeholder|dummy|fake|redacted)[-_ ][^\"]*)\"$")) @risk.secrets
([(method_invocation) (object_creation_expression)] @risk.secrets
 (#match? @risk.secrets "(?-u)^(?:(?:[\\w.]+\\.)?DriverManager\\s*\\.\\s*getConnection\\s*\\([^,()]+,\\s*\"[^\"]*\"\\s*,\\s*\"[^\"]{4,}\"|(?:[\\w.]+\\.)?(?:AwsBasicCredentials|AwsSessionCredentials|StaticCredentialsProvider|BasicCredentials|Credentials)\\s*\\.\\s*(?:create|basic)\\s*\\((?:\\s|//[^\\n]*)*\"|new\\s+(?:[\\w.]+\\.)?(?:BasicAWSCredentials|BasicSessionCredentials|UsernamePasswordCredentials|PasswordAuthentication|UsernamePasswordAuthenticationToken|BasicCredentialsProvider|AuthScope)\\s*\\((?:\\s|//[^\\n]*)*\"[^\"]*\"\\s*,\\s*\"[^\"]{4,}\"|[\\w.]*\\.\\s*load\\s*\\([^,()]+,\\s*\"[^\"]{4,}\"\\s*\\.\\s*toCharArray\\s*\\(|(?:[\\w.]+\\.)?(?:SecretsManagerClient|SecretsManagerAsyncClient|AWSSecretsManagerClientBuilder|SecretManagerServiceClient|GetSecretValueRequest|PutSecretValueRequest|CreateSecretRequest|SecretClientBuilder|KmsClient|AWSKMSClientBuilder|VaultTemplate|SsmClient|GetParameterRequest)\\s*\\.\\s*(?:builder|create|standard|defaultClient)\\s*\\(|new\\s+(?:[\\w.]+\\.)?(?:SecretClientBuilder|VaultTemplate|VaultEndpoint|TokenAuthentication|GetSecretValueRequest)\\s*[(<]|(?:(?:java\\.lang\\.)?System\\s*\\.\\s*(?:getenv|getProperty)|(?:this\\s*\\.\\s*)?\\w*(?:[Ee]nv|[Ee]nvironment)\\s*\\.\\s*(?:getProperty|getRequiredProperty))\\s*\\((?:\\s|//[^\\n]*)*\"[^\"]*(?i:password|passwd|secret|token|api_?key|apikey|private_?key|credential|access_?key|signing_?key|_key\"|\\.key\"|_pass\"|\\.pass\"))"))
; Secret reads and writes on any client: Secrets Manager, SSM with decryption, GCP Secret Manager,
; Azure Key Vault, Vault, Kubernetes secrets; credentials sent in request headers.
(method_invocation
  name: (identifier) @m
  (#any-of? @m "getSecretValue" "batchGetSecretValue" "createSecret" "putSecretValue" "updateSecret" "rotateSecret" "deleteSecret" "restoreSecret" "accessSecretVersion" "addSecretVersion" "getSecret" "setSecret" "beginDeleteSecret" "opsForKeyValue" "opsForVersionedKeyValue" "withDecryption" "createNamespacedSecret" "replaceNamespacedSecret" "readNamespacedSecret" "setBearerAuth" "setBasicAuth" "createServiceAccountKey")) @risk.secrets
(method_invocation
  name: (identifier) @m
  (#any-of? @m "header" "setHeader" "addHeader" "setRequestProperty" "addRequestProperty" "defaultHeader" "set" "add")
  arguments: (argument_list . (_) @h)
  (#match? @h "(?-u)^(\"(?i:authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|x-access-token|private-token|x-vault-token|x-goog-api-key|ocp-apim-subscription-key)\"|(?:HttpHeaders\\s*\\.\\s*)?(?:AUTHORIZATION|PROXY_AUTHORIZATION))$")) @risk.secrets
; `@Value("${jwt.secret}")`: a credential loaded from configuration.
([(annotation) (marker_annotation)] @risk.secrets
 (#match? @risk.secrets "(?-u)^@\\s*(?:[\\w.]+\\.)?Value\\s*\\((?:\\s|//[^\\n]*)*(?:value\\s*=\\s*)?\"[^\"]*\\$\\{[^}:\"]*(?i:password|passwd|secret|token|api-?key|apikey|private-?key|credential|access-?key|signing-?key|client-secret)"))

; Literals that look like credentials: AWS keys, PEM private keys, GitHub / Stripe / Slack / Google /
; OpenAI / GitLab / npm tokens, JWTs, URLs and JDBC URLs with a password in them.
((string_literal) @risk.secrets
 (#match? @risk.secrets "(?-u)\\b(AKIA|ASIA)[0-9A-Z]{16}\\b|-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----|\\bgh[pousr]_[A-Za-z0-9]{36}\\b|\\bgithub_pat_[A-Za-z0-9_]{22,}|\\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}|\\bxox[abprs]-[0-9A-Za-z-]{10,}|\\bAIza[0-9A-Za-z_-]{35}\\b|\\bsk-(proj-|ant-)?[A-Za-z0-9_-]{20,}|\\bglpat-[0-9A-Za-z_-]{20}|\\bnpm_[A-Za-z0-9]{36}\\b|\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}|[a-z][a-z0-9+.-]*://[^/\\s:@\"{}]+:[^/\\s@\"{}$]+@|(?i)[?&;]password=[^\\s{&;\"$]{4,}|^\"(Basic|Bearer|Token) [A-Za-z0-9+/=._~-]{12,}\"$"))

; =====================================================================================================
; network: listeners, ports, bind addresses, firewalls and security groups, CORS, proxies, routing
; =====================================================================================================

; Spring routes and CORS, JAX-RS paths.
([(annotation) (marker_annotation)] @risk.network
 (#match? @risk.network "(?-u)^@\\s*(?:[\\w.]+\\.)?(?:RequestMapping|GetMapping|PostMapping|PutMapping|DeleteMapping|PatchMapping|CrossOrigin|Path\\s*\\((?:\\s|//[^\\n]*)*(?:value\\s*=\\s*)?\"/?[\\w{]|ServerEndpoint|WebServlet|WebFilter\\s*\\((?:\\s|//[^\\n]*)*(?:urlPatterns\\s*=\\s*)?\\{?\\s*\"/|MessageMapping|EnableWebSocket|EnableZuulProxy)\\b"))

; Listeners (java.net, NIO, com.sun HttpServer, Jetty, Undertow, Netty, gRPC, Javalin, Vert.x,
; Spark), socket addresses, proxies, CORS configuration objects, proxy system properties, security
; groups, functional routes.
([(method_invocation) (object_creation_expression)] @risk.network
 (#match? @risk.network "(?-u)^(?:new\\s+(?:[\\w.]+\\.)?(?:ServerSocket|DatagramSocket|MulticastSocket|InetSocketAddress|Server|ServerConnector|ServerBootstrap|Proxy|CorsConfiguration|CorsFilter|CorsWebFilter|UrlBasedCorsConfigurationSource|ProxyServlet|ProxySelector)\\s*[(<]|(?:[\\w.]+\\.)?(?:ServerSocketChannel|AsynchronousServerSocketChannel|DatagramChannel|HttpServer|HttpsServer|ServerSocketFactory|SSLServerSocketFactory)\\s*\\.\\s*(?:open|create|getDefault)\\s*\\(|(?:[\\w.]+\\.)?(?:ServerBuilder|NettyServerBuilder|InProcessServerBuilder|Grpc)\\s*\\.\\s*(?:forPort|forAddress|newServerBuilderForPort)\\s*\\(|(?:[\\w.]+\\.)?(?:Undertow\\s*\\.\\s*builder|Javalin\\s*\\.\\s*create|Javalin\\s*\\.\\s*start|HttpClient\\s*\\.\\s*newBuilder\\s*\\(\\s*\\)\\s*\\.\\s*proxy|ProxySelector\\s*\\.\\s*of|Spark\\s*\\.\\s*(?:port|ipAddress|secure)|RouterFunctions\\s*\\.\\s*route)\\s*\\(|(?:port|ipAddress)\\s*\\((?:\\s|//[^\\n]*)*\\d|(?:[\\w.]+\\.)?System\\s*\\.\\s*setProperty\\s*\\((?:\\s|//[^\\n]*)*\"(?:https?\\.proxy\\w*|https?\\.nonProxyHosts|socksProxy\\w*|java\\.net\\.useSystemProxies|server\\.port|server\\.address)\"|(?:\\w+\\s*\\.\\s*)?(?:get|post|put|delete|patch|ws|before|path)\\s*\\((?:\\s|//[^\\n]*)*\"/[^\"]*\"\\s*,)"))
; Listener, CORS, proxy and security-group calls on any receiver.
(method_invocation
  name: (identifier) @m
  (#any-of? @m "allowedOrigins" "allowedOriginPatterns" "allowCredentials" "allowedMethods" "allowedHeaders" "exposedHeaders" "addMapping" "addAllowedOrigin" "addAllowedOriginPattern" "setAllowedOrigins" "setAllowedOriginPatterns" "setAllowCredentials" "addAllowedHeader" "addAllowedMethod" "setAllowedMethods" "setAllowedHeaders" "registerCorsConfiguration" "cors" "addCorsMappings" "setPort" "setHost" "setBindAddress" "addHttpListener" "addHttpsListener" "addConnector" "setConnectors" "listen" "requestHandler" "proxy" "setProxy" "proxySelector" "authorizeSecurityGroupIngress" "authorizeSecurityGroupEgress" "revokeSecurityGroupIngress" "revokeSecurityGroupEgress" "createSecurityGroup" "deleteSecurityGroup" "modifySecurityGroupRules" "cidrIp" "withCidrIp" "cidrIpv6" "ipRanges" "withIpRanges" "ipPermissions" "withIpPermissions" "fromPort" "toPort" "createNetworkAclEntry" "setReuseAddress" "setSoReuse")) @risk.network
(method_invocation
  name: (identifier) @m (#any-of? @m "bind" "start")
  arguments: (argument_list) @a
  (#match? @a "(?-u)^\\((?:\\s|//[^\\n]*)*(new\\s+InetSocketAddress|\\d{2,5}\\s*\\)|\\w*(?i:port|addr|address|endpoint|socketaddress)\\w*\\s*[),]|\"(0\\.0\\.0\\.0|localhost|127\\.0\\.0\\.1|::)\")")) @risk.network
; CORS configuration sources.
(method_declaration
  type: (_) @t (#match? @t "(?-u)^(CorsConfigurationSource|CorsFilter|CorsWebFilter|WebMvcConfigurer|ServletWebServerFactory|WebServerFactoryCustomizer<.*>|TomcatServletWebServerFactory|ServerProperties)$")
  name: (identifier) @name) @risk.network

; Ports and listen addresses as constants and fields.
(variable_declarator
  name: (identifier) @name
  (#match? @name "(?-u)(?i)(^|_)port$|[a-z]Port$")
  value: (decimal_integer_literal) @v (#match? @v "(?-u)^[1-9][0-9_]{1,5}$")) @risk.network
(variable_declarator
  name: (identifier) @name
  (#match? @name "(?-u)(?i)(^|_)(addr|address|host|bind|listen|bind_?addr|listen_?addr|bind_?address|listen_?address|bind_?host|listen_?host)$|[a-z](Addr|Address|Host)$")
  value: (string_literal) @v
  (#match? @v "(?-u)^\"((\\d{1,3}\\.){3}\\d{1,3}(:\\d+)?|\\[?[0-9a-fA-F:]*::[0-9a-fA-F:]*\\]?(:\\d+)?|localhost(:\\d+)?|:\\d+)\"$")) @risk.network
; Unspecified (all-interfaces) addresses, open CIDRs and CORS headers.
((string_literal) @risk.network
 (#match? @risk.network "(?-u)^\"(0\\.0\\.0\\.0(:\\d+|/0)?|\\[::\\](:\\d+)?|::/0|::|(?i)access-control-allow-(origin|credentials|methods|headers))\"$"))

; =====================================================================================================
; data: destructive or schema-changing data operations: DELETE, DROP, TRUNCATE, migrations,
; recursive deletes
; =====================================================================================================

; SQL that drops, deletes, truncates or changes the schema, in any string or text block (JDBC,
; JdbcTemplate, JPA queries, `@Query`); Hibernate's schema auto-generation switched on.
((string_literal) @risk.data
 (#match? @risk.data "(?-u)(?im)(^|\"|;)\\s*(drop\\s+(table|database|schema|index|view|column|constraint|type|trigger|function|extension|sequence|materialized\\s+view|collection|keyspace)\\b|delete\\s+from\\s|delete\\s+\\w+\\s+\\w+\\s+where\\b|truncate(\\s+table)?\\s+[\\w\"`]|alter\\s+(table|database|schema|index|type|sequence|view)\\s|create\\s+(unique\\s+)?(table|index|schema|database|type|view|materialized\\s+view|extension|trigger|sequence)\\b|rename\\s+table\\s|flushall\\b|flushdb\\b|with\\s[\\s\\S]*\\bdelete\\s+from\\s)|(?-i:\\b(DROP (TABLE|DATABASE|SCHEMA|INDEX|COLUMN|VIEW)|DELETE FROM|TRUNCATE TABLE|ALTER TABLE)\\b)|^\"(hibernate\\.hbm2ddl\\.auto|spring\\.jpa\\.hibernate\\.ddl-auto|javax\\.persistence\\.schema-generation\\.database\\.action|jakarta\\.persistence\\.schema-generation\\.database\\.action|create-drop)\"$|(?i:^\"[^\"]*\\bupdate\\s+[\\w.\"`]+\\s+set\\s[^\"]*\"$)")
 (#not-match? @risk.data "(?-u)(?i)^\"[^\"]*\\bupdate\\s+[\\w.\"`]+\\s+set\\s[^\"]*\\bwhere\\b"))

; Spring Data / JPA / Hibernate / Mongo / Redis / AWS / Kafka / Elasticsearch bulk deletes and drops,
; on any receiver.
(method_invocation
  name: (identifier) @m
  (#any-of? @m "deleteAll" "deleteAllInBatch" "deleteAllById" "deleteAllByIdInBatch" "deleteInBatch" "deleteById" "dropCollection" "dropDatabase" "dropTable" "dropIndex" "dropIndexes" "deleteMany" "deleteOne" "findAndRemove" "findAllAndRemove" "findOneAndDelete" "flushAll" "flushDb" "flushDB" "flushall" "flushdb" "deleteObject" "deleteObjects" "deleteBucket" "deleteTable" "deleteItem" "deleteIndex" "deleteByQuery" "purgeQueue" "deleteQueue" "deleteTopics" "deleteRecords" "deleteDBInstance" "deleteDBCluster" "deleteDbInstance" "deleteDbCluster" "deleteSnapshot" "deleteVolume" "deleteFileSystem" "deleteBackup" "truncateTable" "dropAll" "purgeAll" "wipeAll" "truncateAll")) @risk.data
; Row deletes through repositories, entity managers and sessions; file and directory deletes;
; Flyway and Liquibase; Mongo collection drops.
([(method_invocation) (method_reference)] @risk.data
 (#match? @risk.data "(?-u)^(?:(?:this\\s*\\.\\s*)?\\w*(?:[Rr]epository|[Rr]epo|Dao|DAO|[Ee]ntityManager|em|[Ss]ession|[Tt]emplate|[Cc]lient)\\s*\\.\\s*(?:delete|remove|deleteAll|deleteById|deleteAllById|deleteInBatch|deleteAllInBatch|findAndRemove|dropCollection)\\s*\\(|(?:[\\w.]+\\.)?(?:Files\\s*\\.\\s*(?:delete|deleteIfExists)|FileUtils\\s*\\.\\s*(?:deleteDirectory|forceDelete|cleanDirectory|deleteQuietly|forceDeleteOnExit)|FileSystemUtils\\s*\\.\\s*deleteRecursively|PathUtils\\s*\\.\\s*(?:deleteDirectory|delete|cleanDirectory)|MoreFiles\\s*\\.\\s*(?:deleteRecursively|deleteDirectoryContents))\\s*\\(|(?:[\\w.]+\\.)?(?:Files|File|FileUtils|PathUtils)\\s*::\\s*(?:delete|deleteIfExists|deleteDirectory|forceDelete|deleteQuietly)$|(?:new\\s+File\\s*\\([^()]*\\)|\\w*(?:[Ff]ile|[Dd]ir|[Dd]irectory|[Ff]older|[Pp]ath|[Tt]mp|[Tt]emp)\\w*)\\s*\\.\\s*delete\\s*\\(\\s*\\)|(?:[\\w.]+\\.)?Flyway\\s*\\.\\s*configure\\s*\\(|(?:this\\s*\\.\\s*)?\\w*(?:[Ff]lyway|[Ll]iquibase)\\w*\\s*\\.\\s*(?:migrate|clean|repair|baseline|undo|update|dropAll|rollback|changeLogSync)\\s*\\(|new\\s+(?:[\\w.]+\\.)?Liquibase\\s*\\(|\\w*(?:[Cc]ollection|[Tt]able|[Dd]atabase|[Dd]b)\\w*\\s*\\.\\s*drop\\s*\\(\\s*\\)|[\\w.]*\\.\\s*get(?:Collection|Database|Table)\\s*\\([^()]*\\)\\s*\\.\\s*drop\\s*\\(\\s*\\)|[\\w.]*\\.\\s*toFile\\s*\\(\\s*\\)\\s*\\.\\s*delete\\s*\\(\\s*\\))"))

; Derived deletes in repositories and methods that migrate, drop, truncate, wipe or purge.
(method_declaration
  name: (identifier) @name
  (#match? @name "(?-u)^(delete|remove)(All)?By[A-Z]\\w*$|^((run|apply|revert|undo|perform|execute|do|rollback)(\\w*)?)?[Mm]igrat(e|ions?)$|^(run|apply|revert|undo|rollback)(\\w*)?Migrations?$|^migrate[A-Z]\\w*$|^(drop|truncate)(Table|Tables|Database|Schema|All|Collection|Db)s?$|^(wipe|nuke|reset)(Db|Database|Data|All|Tables|Schema|Storage)$|^(delete|purge|remove)All(\\w*)?$|^(hardDelete|purge)[A-Z]\\w*$")) @risk.data

; =====================================================================================================
; deploy: CI/CD, infrastructure as code, containers, rollouts, scaling, process execution
; =====================================================================================================

; Process execution: Runtime.exec, ProcessBuilder, commons-exec, zt-exec, JSch exec channels; the
; Kubernetes client's workload objects and configuration; docker-java clients.
([(method_invocation) (object_creation_expression)] @risk.deploy
 (#match? @risk.deploy "(?-u)^(?:(?:[\\w.]+\\.)?Runtime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*exec\\s*\\(|\\w*(?:[Rr]untime|RUNTIME)\\s*\\.\\s*exec\\s*\\(|new\\s+(?:[\\w.]+\\.)?(?:ProcessBuilder|DefaultExecutor|ProcessExecutor|CommandLine|V1Deployment|V1DeploymentSpec|V1StatefulSet|V1StatefulSetSpec|V1DaemonSet|V1Job|V1JobSpec|V1CronJob|V1PodSpec|V1PodTemplateSpec|V1Container|V1Scale|DeploymentBuilder|StatefulSetBuilder|DaemonSetBuilder|JobBuilder|PodBuilder|ContainerBuilder)\\s*[(<]|(?:[\\w.]+\\.)?(?:CommandLine\\s*\\.\\s*parse|ProcessBuilder\\s*\\.\\s*startPipeline|DefaultExecutor\\s*\\.\\s*builder|DockerClientBuilder\\s*\\.\\s*getInstance|DockerClientImpl\\s*\\.\\s*getInstance|Config\\s*\\.\\s*(?:defaultClient|fromConfig|fromCluster)|ClientBuilder\\s*\\.\\s*(?:defaultClient|standard|kubeconfig|cluster))\\s*\\(|(?:this\\s*\\.\\s*)?\\w*(?:[Pp]rocessBuilder|PROCESS_BUILDER|pb|[Pp]rocBuilder)\\s*\\.\\s*(?:start|command|inheritIO|redirectErrorStream|directory|environment)\\s*\\(|\\w*[Ss]ession\\s*\\.\\s*openChannel\\s*\\((?:\\s|//[^\\n]*)*\"(?:exec|shell)\"|\\w*(?:[Ee]xecutor|[Cc]hannel)\\w*\\s*\\.\\s*(?:execute|setCommand)\\s*\\((?:\\s|//[^\\n]*)*(?:\\w*(?:[Cc]md|[Cc]ommand)|\"))"))
; Deployments on any client: Kubernetes workloads and scaling (official client and fabric8), docker
; containers and images, ECS, Lambda, autoscaling, CloudFormation, CodeDeploy, EC2, CodePipeline.
(method_invocation
  name: (identifier) @m
  (#match? @m "(?-u)^(create|replace|patch|delete)Namespaced(Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob|Pod|HorizontalPodAutoscaler|ReplicationController)(Scale|Status)?$|^deleteCollectionNamespaced\\w+$|^(createContainerCmd|startContainerCmd|stopContainerCmd|removeContainerCmd|killContainerCmd|restartContainerCmd|pullImageCmd|pushImageCmd|buildImageCmd|execCreateCmd|execStartCmd|updateService|createService|deleteService|registerTaskDefinition|deregisterTaskDefinition|runTask|stopTask|updateFunctionCode|updateFunctionConfiguration|createFunction|deleteFunction|publishVersion|updateAlias|createAlias|setDesiredCapacity|updateAutoScalingGroup|createAutoScalingGroup|startInstanceRefresh|createStack|updateStack|deleteStack|executeChangeSet|createChangeSet|createDeployment|stopDeployment|continueDeployment|terminateInstances|runInstances|rebootInstances|stopInstances|startInstances|startPipelineExecution|startBuild|withReplicas|setReplicas|desiredCount|withDesiredCount|desiredCapacity)$")) @risk.deploy
(method_invocation
  object: (_) @o (#match? @o "(?-u)(deployments|statefulSets|replicaSets|daemonSets|pods|jobs)\\s*\\(\\s*\\)")
  name: (identifier) @m (#any-of? @m "scale" "restart" "rolling" "createOrReplace" "delete" "edit" "patch" "updateImage" "serverSideApply" "replace" "create")) @risk.deploy

; Methods that deploy, roll out, roll back or scale.
(method_declaration
  name: (identifier) @name
  (#match? @name "(?-u)^(deploy|redeploy|rollout|rollOut|canary|provision|terraform|helm|kubectl)([A-Z]\\w*)?$|^(rollback|rollBack)(Deployment|Deploy|Release|Service|Rollout|Version|Canary)s?$|(Deploy|Deploys|Deployment|Deployments|Redeploy|Rollout|Canary)$|^(scale|scaleUp|scaleDown|scaleOut|scaleIn|scaleTo)(\\w*)?(Deployment|Service|Replicas|Workers|Cluster|StatefulSet|Pods?|Nodes?|Fleet|Capacity)s?$|^(set|update)Replicas$|^restart(Service|Deployment|Pods?|Workload)s?$|^(drain|cordon)Nodes?$")) @risk.deploy

; =====================================================================================================
; memory: memory-safety escapes: JNI and JNA, sun.misc.Unsafe, the foreign-memory API
; =====================================================================================================

; `native` methods, implemented outside the JVM's memory safety.
(method_declaration
  (modifiers "native")
  name: (identifier) @name) @risk.memory
; Native libraries loaded, Unsafe obtained and used, foreign memory and downcalls.
([(method_invocation) (object_creation_expression)] @risk.memory
 (#match? @risk.memory "(?-u)^(?:(?:[\\w.]+\\.)?(?:System\\s*\\.\\s*(?:loadLibrary|load)|Runtime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*(?:loadLibrary|load)|Unsafe\\s*\\.\\s*getUnsafe|Native\\s*\\.\\s*(?:load|loadLibrary|register|getDirectBufferPointer)|Linker\\s*\\.\\s*nativeLinker|SymbolLookup\\s*\\.\\s*(?:libraryLookup|loaderLookup)|MemorySegment\\s*\\.\\s*ofAddress|Arena\\s*\\.\\s*(?:ofConfined|ofShared|global|ofAuto))\\s*\\(|(?:this\\s*\\.\\s*)?(?:UNSAFE|[Uu]nsafe|U)\\s*\\.\\s*(?:allocateMemory|reallocateMemory|freeMemory|setMemory|copyMemory|put\\w+|get\\w+|compareAndSwap\\w+|allocateInstance|objectFieldOffset|arrayBaseOffset)\\s*\\(|new\\s+(?:[\\w.]+\\.)?(?:Pointer|Memory)\\s*\\((?:\\s|//[^\\n]*)*\\w)|^[\\w.]*\\.\\s*getDeclaredField\\s*\\((?:\\s|//[^\\n]*)*\"theUnsafe\""))


; Endpoints a service calls, as constants: `static final URI BASE = URI.create("https://..")`.
((field_declaration declarator: (variable_declarator name: (identifier) @name value: (_) @v)) @risk.config
 (#match? @name "(?-u)^[A-Z][A-Z0-9_]*(URL|URI|ENDPOINT|BASE|HOST|ADDR|ADDRESS|SERVER|API)$")
 (#match? @v "(?-u)^(?:(?:(?:[\\w.]+\\.)?URI\\s*\\.\\s*create|new\\s+URI|new\\s+URL|URL\\.of)\\s*\\(\\s*)?\"(https?|grpcs?|wss?|amqps?|redis|rediss|postgres|postgresql|mysql|mongodb(\\+srv)?|nats|kafka)://"))
; Schedules of jobs: `@Scheduled(cron = "0 30 3 * * *")`, `@Scheduled(fixedDelay = ..)`.
((annotation name: [(identifier) (scoped_identifier)] @name) @risk.config
 (#match? @name "(?-u)(^|\\.)Scheduled$"))
; Timeouts passed to builders: `HttpRequest.newBuilder(..).timeout(Duration.ofSeconds(20))`.
((method_invocation name: (identifier) @name arguments: (argument_list . (_) @v .)) @risk.config
 (#eq? @name "timeout")
 (#match? @v "(?-u)^(?:java\\.time\\.)?Duration\\s*\\.\\s*of\\w+\\s*\\("))

; Tests are not high-impact: no hotspot is reported inside JUnit tests.
((method_declaration (modifiers (marker_annotation name: (identifier) @_a))) @ignore
 (#match? @_a "^(?:Test|ParameterizedTest|RepeatedTest|TestFactory|BeforeEach|AfterEach|BeforeAll|AfterAll)$"))
