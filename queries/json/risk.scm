; Risk queries for JSON. Capture names say the category: @risk.<category>; @name names the hotspot.
;
; JSON is data, so what makes a value high-impact is where it sits: a key in the right place, a
; value of the right shape, the key that says what an object is (`"Type": "AWS::IAM::Role"`), or
; the parent it sits under (`"Statement"`, `"scripts"`, `"containerDefinitions"`).
;
; Conventions used below:
; - The captured node is the key/value `pair` a reviewer must look at (it starts on the key's line),
;   an IAM statement `object`, or a CloudFormation / ARM resource `object`; `@name` is the key, or
;   the resource type.
; - Most categories have ONE key/value pattern: `(pair key: .. @name value: (_) @sv) @risk.<cat>`
;   with one regex over the pair's own text, `"key": value`. Each alternative of that regex is
;   anchored at the key (`^"(?i:timeout|...)"\s*:`), and some go on to the start of the value
;   (`"debug"` with a scalar; `"port"` only with a number; `"host"` only with an IP or all-interfaces
;   address; any key with an `arn:aws:iam::` string). An anchored regex fails at the first character
;   that cannot match, so a pair whose value is a large object costs no more than a short one.
;   One pattern per category is what keeps JSON fast: tree-sitter starts a state for every pattern
;   at every `pair`, and a package-lock.json has tens of thousands of pairs.
; - No pattern has two unanchored sibling pairs (`(object (pair ..) (pair ..))`): tree-sitter keeps
;   a pending state for every pair of an object until the object ends, which is cubic on a large
;   object (a 170 KB lock file took two minutes). Siblings are adjacent (`.`) or not used.
; - Keys: naming styles differ between tools (`maxConnections`, `max_connections`,
;   `max-connections`, `MaxConnections`), so key regexes are case-insensitive, allow `_`, `-` or
;   nothing between words, and name the whole key: a key is what it names, not any key that
;   contains a word (`tokenizer`, `passwordMinLength`, `max-len`, `jsonwebtoken`).
; - Values that read as prose (`"debug": "Show debug information"`) are labels in a translation file
;   or a form schema, not settings; nor are JSON Schema / OpenAPI property definitions
;   (`"timeout": {"type": "integer"}`). Key-based patterns leave both out (`@sv`).
; - Every regex uses Rust `regex` syntax; backslashes are doubled because these are query strings.
;   Each starts with `(?-u)`: ASCII classes compile several times faster than Unicode ones.

; =====================================================================================================
; iam: roles, policies, grants, RBAC, privilege changes, service accounts
; =====================================================================================================

; IAM policy statements (identity, resource, trust, SCP and key policies): each object of a
; `"Statement"` array (or the single object), together with the pairs of it a reviewer must see:
; the `Effect`, `NotAction` / `NotPrincipal` / `NotResource` (everything except ...), wildcard or
; privilege-escalating actions (`"*"`, `"iam:*"`, `"s3:*"`, `"iam:PassRole"`, `"sts:AssumeRole"`),
; and anyone (`"Principal": "*"`, `{"AWS": "*"}`) or anything (`"Resource": "*"`). One pattern
; captures both the statement and the pair (`@g` is the pair the regex reads), so each statement
; is walked once.
(pair
  key: (string (string_content) @s)
  value: [
    (array (object (pair key: (string (string_content) @name)) @g @risk.iam) @risk.iam)
    (object (pair key: (string (string_content) @name)) @g @risk.iam) @risk.iam
  ]
  (#eq? @s "Statement")
  (#any-of? @name "Effect" "Action" "NotAction" "Principal" "NotPrincipal" "Resource" "NotResource")
  (#match? @g "(?-u)(?s)^\"Effect\"\\s*:\\s*\"(Allow|Deny)\"|^\"Not|^\"Action\"\\s*:.*\"(\\*|[\\w-]+:\\*|iam:(Pass|Create|Put|Attach|Update|Add|Delete|Detach|Set|Upload|Tag)\\w*|sts:AssumeRole\\w*)\"|^\"(Principal|Resource)\"\\s*:.*\"\\*\""))

; Policy documents and role wiring named by their key (CloudFormation properties, ECS task
; definitions, SDK input, OAuth client scopes, GitHub App permissions, browser-extension host
; permissions); public GCP members (`allUsers`); role, user and policy ARNs wherever they are
; configured; container privilege settings (`privileged`, `readonlyRootFilesystem`, `runAsUser`,
; `capabilities`, `"user": "root"`); and Terraform IAM resources (`"aws_iam_role": {..}` in
; `*.tf.json`, `"type": "aws_iam_access_key"` in a state file).
((pair
   key: (string (string_content) @name)
   value: (_) @sv) @risk.iam
 (#match? @risk.iam "(?-u)^\"(?i:assume[_-]?role[_-]?policy([_-]?document)?|policy[_-]?document|policy[_-]?arn|policy[_-]?arns|managed[_-]?policy[_-]?arns|permissions[_-]?boundary|execution[_-]?role[_-]?arn|task[_-]?role[_-]?arn|role[_-]?arn|service[_-]?role([_-]?arn)?|instance[_-]?profile([_-]?arn|[_-]?name)?|iam[_-]?instance[_-]?profile|iam[_-]?role([_-]?arn)?|assume[_-]?role|role[_-]?to[_-]?assume|service[_-]?account([_-]?name|[_-]?email)?|workload[_-]?identity[\\w-]*|key[_-]?policy|bucket[_-]?policy|access[_-]?policy|resource[_-]?policy|(default|optional)?[_-]?client[_-]?scopes|oauth[_-]?scopes|allowed[_-]?scopes|default[_-]?permissions|host[_-]?permissions|optional[_-]?host[_-]?permissions)\"\\s*:|^\"members\"\\s*:\\s*\\[[^\\]]*\"all(Authenticated)?Users\"|^\"[^\"]*\"\\s*:\\s*\"arn:aws[\\w-]*:(iam|sts)::|^\"(aws_iam_\\w+|google_\\w+_iam_\\w+|azurerm_role_\\w+|kubernetes_(cluster_)?role(_binding)?(_v1)?)\"\\s*:|^\"type\"\\s*:\\s*\"(aws_iam_\\w+|google_\\w+_iam_\\w+|azurerm_role_\\w+|kubernetes_(cluster_)?role(_binding)?(_v1)?)\"|^\"(?i:public[_-]?access[_-]?block[\\w-]*|block[_-]?public[_-]?(acls|policy)|ignore[_-]?public[_-]?acls|restrict[_-]?public[_-]?buckets|object[_-]?ownership)\"\\s*:|^\"(?i:access[_-]?control|acl|canned[_-]?acl)\"\\s*:\\s*\"(?i:(public|authenticated)[_-]?(read|write))|^\"(?i:privileged|read[_-]?only[_-]?root[_-]?filesystem|run[_-]?as[_-]?(user|group|non[_-]?root)|security[_-]?context|pod[_-]?security[_-]?context|capabilities|cap[_-]?add|host[_-]?pid|host[_-]?ipc|linux[_-]?parameters)\"\\s*:|^\"(?i:user)\"\\s*:\\s*\"(root|0)(:0)?\"")
 (#not-match? @sv "(?-u)^\"[A-Za-z][A-Za-z']*( +[A-Za-z',.?!()-]+)+\"$|^\\{\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"\\$ref\"\\s*:|^\\{\\s*\"(Type|Value|Export|Description|Default|AllowedValues|AllowedPattern|NoEcho)\"\\s*:|^\\{\\s*\"(description|title)\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"(allOf|anyOf|oneOf|properties)\"\\s*:"))
(array
  (string (string_content)) @risk.iam
  (#match? @risk.iam "(?-u)^\"arn:aws[\\w-]*:(iam|sts)::"))

; GCP IAM policies (`gcloud ... get-iam-policy --format=json`): each binding of a role to members.
(pair
  key: (string (string_content) @name)
  value: (array (object (pair key: (string (string_content) @k) value: (string (string_content)) @v)) @risk.iam)
  (#eq? @name "bindings")
  (#eq? @k "role")
  (#match? @v "(?-u)^\"(roles|projects/[^/\"]+/roles|organizations/[^/\"]+/roles)/"))

; Kubernetes RBAC objects written as JSON (`kubectl get -o json`): `apiVersion` and `kind` are the
; first two keys.
(object
  .
  (pair key: (string (string_content) @a) value: (string (string_content)))
  .
  (pair key: (string (string_content) @k) value: (string (string_content) @name))
  (#eq? @a "apiVersion")
  (#eq? @k "kind")
  (#any-of? @name "Role" "ClusterRole" "RoleBinding" "ClusterRoleBinding" "ServiceAccount")) @risk.iam

; =====================================================================================================
; Cloud resources: CloudFormation (`"Type": "AWS::IAM::Role"`) and ARM templates
; (`"type": "Microsoft.Authorization/roleAssignments"`), by what the resource type controls. The
; resource object is captured (in CloudFormation it starts on its logical id's line) and named by
; its type. `Type` must be the resource's first key, as CloudFormation and ARM documentation, CDK
; and Bicep output write it: an unanchored child would cost a match per string-valued key of every
; object of every JSON file.
; =====================================================================================================

(object
  .
  (pair key: (string (string_content) @t) value: (string (string_content) @name))
  (#any-of? @t "Type" "type")
  (#match? @name "(?-u)^AWS::(IAM|SSO|IdentityStore|Organizations::Policy|Lambda::Permission|S3::BucketPolicy|SNS::TopicPolicy|SQS::QueuePolicy|EKS::(AccessEntry|PodIdentityAssociation)|Cognito::IdentityPoolRoleAttachment)\\b|^(?i:Microsoft\\.(Authorization|ManagedIdentity))/")) @risk.iam
(object
  .
  (pair key: (string (string_content) @t) value: (string (string_content) @name))
  (#any-of? @t "Type" "type")
  (#match? @name "(?-u)^AWS::(Route53|Route53Resolver|ServiceDiscovery)::\\w+$|^(?i:Microsoft\\.Network/(dnsZones|privateDnsZones|dnsResolvers))\\b")) @risk.dns
(object
  .
  (pair key: (string (string_content) @t) value: (string (string_content) @name))
  (#any-of? @t "Type" "type")
  (#match? @name "(?-u)^AWS::(EC2::(SecurityGroup\\w*|NetworkAcl\\w*|InternetGateway|NatGateway|Route|VPCPeeringConnection|EIP)|ElasticLoadBalancingV2::(Listener|LoadBalancer|ListenerRule)|ElasticLoadBalancing::LoadBalancer|ApiGateway\\w*::(RestApi|Api|Stage)|CloudFront::Distribution|WAFv2::\\w+|NetworkFirewall::\\w+)$|^(?i:Microsoft\\.Network/(networkSecurityGroups|publicIPAddresses|loadBalancers|applicationGateways|azureFirewalls|firewallPolicies|frontDoors))\\b")) @risk.network
(object
  .
  (pair key: (string (string_content) @t) value: (string (string_content) @name))
  (#any-of? @t "Type" "type")
  (#match? @name "(?-u)^AWS::(SecretsManager::\\w+|SSM::Parameter|IAM::AccessKey)$|^(?i:Microsoft\\.KeyVault/vaults)\\b")) @risk.secrets
(object
  .
  (pair key: (string (string_content) @t) value: (string (string_content) @name))
  (#any-of? @t "Type" "type")
  (#match? @name "(?-u)^AWS::(CertificateManager::\\w+|KMS::(Key|Alias)|ACMPCA::\\w+)$|^(?i:Microsoft\\.(KeyVault/vaults/keys|Network/applicationGateways/sslCertificates|Web/certificates))\\b")) @risk.crypto
(object
  .
  (pair key: (string (string_content) @t) value: (string (string_content) @name))
  (#any-of? @t "Type" "type")
  (#match? @name "(?-u)^AWS::(ECS::(Service|TaskDefinition|Cluster)|AutoScaling::\\w+|ApplicationAutoScaling::\\w+|CodePipeline::\\w+|CodeBuild::\\w+|CodeDeploy::\\w+|Lambda::(Function|Alias|Version)|ElasticBeanstalk::\\w+|AppRunner::\\w+|EKS::(Cluster|Nodegroup)|CloudFormation::Stack|Batch::\\w+)$|^(?i:Microsoft\\.(ContainerService/managedClusters|ContainerInstance/containerGroups|App/containerApps|Web/sites))\\b")) @risk.deploy
(object
  .
  (pair key: (string (string_content) @t) value: (string (string_content) @name))
  (#any-of? @t "Type" "type")
  (#match? @name "(?-u)^AWS::Cognito::UserPool\\w*$|^AWS::ApiGateway\\w*::Authorizer$")) @risk.auth
; Any other CloudFormation resource is infrastructure as code that deploys something (a database,
; a bucket, a queue, a cluster): deploy.
(object
  .
  (pair key: (string (string_content) @t) value: (string (string_content) @name))
  (#eq? @t "Type")
  (#match? @name "(?-u)^AWS::\\w+::\\w+$")
  (#not-match? @name "(?-u)(^AWS::(IAM|SSO|IdentityStore|Organizations::Policy|Lambda::Permission|S3::BucketPolicy|SNS::TopicPolicy|SQS::QueuePolicy|EKS::(AccessEntry|PodIdentityAssociation)|Cognito::IdentityPoolRoleAttachment)\\b|^(?i:Microsoft\\.(Authorization|ManagedIdentity))/)|(^AWS::(Route53|Route53Resolver|ServiceDiscovery)::|^(?i:Microsoft\\.Network/(dnsZones|privateDnsZones|dnsResolvers))\\b)|(^AWS::(EC2::(SecurityGroup\\w*|NetworkAcl\\w*|InternetGateway|NatGateway|Route|VPCPeeringConnection|EIP)|ElasticLoadBalancingV2::(Listener|LoadBalancer|ListenerRule)|ElasticLoadBalancing::LoadBalancer|ApiGateway\\w*::(RestApi|Api|Stage)|CloudFront::Distribution|WAFv2::\\w+|NetworkFirewall::\\w+)$|^(?i:Microsoft\\.Network/(networkSecurityGroups|publicIPAddresses|loadBalancers|applicationGateways|azureFirewalls|firewallPolicies|frontDoors))\\b)|(^AWS::(SecretsManager::\\w+|SSM::Parameter|IAM::AccessKey)$|^(?i:Microsoft\\.KeyVault/vaults)\\b)|(^AWS::(CertificateManager::\\w+|KMS::(Key|Alias)|ACMPCA::\\w+)$|^(?i:Microsoft\\.(KeyVault/vaults/keys|Network/applicationGateways/sslCertificates|Web/certificates))\\b)|(^AWS::Cognito::UserPool\\w*$|^AWS::ApiGateway\\w*::Authorizer$)")) @risk.deploy

; =====================================================================================================
; secrets: credentials, API keys, secret loading and storage, hard-coded secrets
; =====================================================================================================

; A key that names a credential, with a literal value that is not a placeholder (`""`, `"${VAR}"`,
; `"{{ .Values.x }}"`, `"<your-token>"`, `"********"`, `"changeme"`, ...) nor a label (`"Forgot your
; password?"` in a translation file). (A credential wired from the environment or a secret store,
; `"${DB_PASSWORD}"`, is secret loading: the next pattern.) The credential word must be a word of the key: the whole key,
; after a separator (`db_password`, `x-api-key`), or a camel-case word (`dbPassword`,
; `MasterUserPassword`); `jsonwebtoken`, `tokenizer`, `passwordMinLength` and pagination tokens
; (`nextPageToken`) do not match. A bare `token` or `secret` holds a credential only when the value
; looks like one (16+ token characters with a digit): a lexer's `{"token": "IDENT"}` does not.
((pair
   key: (string (string_content) @name)
   value: (string (string_content)) @v) @risk.secrets
 (#match? @name "(?-u)(?i:(^|[_.-])(password|passwd|passphrase|secret|secret[_-]?key|client[_-]?secret|app[_-]?secret|api[_-]?key|apikey|api[_-]?token|access[_-]?key|secret[_-]?access[_-]?key|private[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|bearer[_-]?token|id[_-]?token|session[_-]?token|token|credentials?|signing[_-]?key|encryption[_-]?key|master[_-]?key|hmac[_-]?key|webhook[_-]?secret|license[_-]?key|sas[_-]?token|account[_-]?key|connection[_-]?string))$|[a-z0-9](Password|Passwd|Passphrase|Secret|SecretKey|ClientSecret|AppSecret|ApiKey|APIKey|ApiToken|AccessKey|SecretAccessKey|PrivateKey|AuthToken|AccessToken|RefreshToken|BearerToken|IdToken|SessionToken|Token|Credentials?|SigningKey|EncryptionKey|MasterKey|HmacKey|WebhookSecret|LicenseKey|SasToken|AccountKey|ConnectionString)$")
 (#not-match? @name "(?-u)(?i)(page|next|continuation|cursor|sync|pagination|csrf|xsrf|max|min|num)[_-]?tokens?$")
 (#not-match? @v "(?-u)(?i)^\"(\\$\\{?[\\w.:-]*\\}?|\\$\\(.*\\)|\\{\\{.*\\}\\}|<[^>]*>|%\\(?[\\w.]*\\)?s?%?|#\\{.*\\}|\\*+|x+|\\.+|-+|_+|null|none|nil|undefined|changeme|change_?me|replace_?me|todo|tbd|placeholder|redacted|hidden|secret|password|your[_ -].*|env:.*|vault:.*|ref\\+.*|arn:aws[\\w-]*:(secretsmanager|ssm):.*)\"$")
 (#not-match? @v "(?-u)^\"[A-Za-z]+( +[A-Za-z',]+)+[?.!:]?\"$")
 (#not-match? @risk.secrets "(?-u)^\"(?i:token|secret)\"\\s*:\\s*\"([^\"]{0,15}|[^0-9\"]*|[^\"]*[^A-Za-z0-9+/=._~:\"-][^\"]*)\"$|^\"(?i:token|secret)\"\\s*:\\s*\"(\\$|arn:)"))

; Values that are credentials whatever their key (cloud and SaaS key formats, private keys,
; passwords in URLs and connection strings, literal Basic/Bearer headers); keys that say where
; secrets are loaded from (ECS `secrets` / `valueFrom`, Secrets Manager, Key Vault, Kubernetes
; `secretName`, `ConnectionStrings`, token and password files); credential keys whose value is
; wired from the environment or a template (`"${DB_PASSWORD}"`, `"{{ .Values.token }}"`,
; `"$(SECRET)"`); and references into a secret store (`{{resolve:secretsmanager:...}}`,
; `${ssm:...}`, `vault:...`, Secrets Manager ARNs); Terraform secret resources.
((pair
   key: (string (string_content) @name)
   value: (_) @sv) @risk.secrets
 (#match? @risk.secrets "(?-u)^\"(?i:secrets|secret[_-]?arn|secrets[_-]?manager[\\w-]*|secret[_-]?ref|secret[_-]?key[_-]?ref|value[_-]?from|secret[_-]?name|connection[_-]?strings|key[_-]?vault[\\w-]*|vault[_-]?(addr|path|role|token)|credentials?[_-]?(file|path|provider)|[\\w-]*(token|password|passwd|secret)[_-]?file|aws[_-]?secret[_-]?access[_-]?key|aws[_-]?access[_-]?key[_-]?id|google[_-]?application[_-]?credentials)\"\\s*:|^\"[^\"]*\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*?(?:\\b(AKIA|ASIA)[0-9A-Z]{16}\\b|-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----|\\bgh[pousr]_[A-Za-z0-9]{36}\\b|\\bgithub_pat_[A-Za-z0-9_]{22,}|\\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}|\\bxox[abprs]-[0-9A-Za-z-]{10,}|\\bAIza[0-9A-Za-z_-]{35}\\b|\\bsk-(proj-|ant-)?[A-Za-z0-9_-]{20,}|\\bglpat-[0-9A-Za-z_-]{20}|\\bnpm_[A-Za-z0-9]{36}\\b|\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}|[a-z][a-z0-9+.-]*://[^/\\s:@\"{}]*:[^/\\s@\"{}$<*]+@|\\{\\{resolve:(secretsmanager|ssm-secure):)|^\"[^\"]*\"\\s*:\\s*\"(Basic|Bearer|Token) [A-Za-z0-9+/=._~-]{12,}\"|^\"[^\"]*\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*?(^|;)\\s*(?i:password|pwd)\\s*=\\s*[^;\\s\"$%{<*]|^\"(?:(?i:(?:[^\"]*[_.-])?(?:password|passwd|passphrase|secret|secret[_-]?key|client[_-]?secret|app[_-]?secret|api[_-]?key|apikey|api[_-]?token|access[_-]?key|secret[_-]?access[_-]?key|private[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|bearer[_-]?token|id[_-]?token|session[_-]?token|token|credentials?|signing[_-]?key|encryption[_-]?key|master[_-]?key|hmac[_-]?key|webhook[_-]?secret|license[_-]?key|sas[_-]?token|account[_-]?key|connection[_-]?string))|[^\"]*[a-z0-9](?:Password|Passwd|Passphrase|Secret|SecretKey|ClientSecret|AppSecret|ApiKey|APIKey|ApiToken|AccessKey|SecretAccessKey|PrivateKey|AuthToken|AccessToken|RefreshToken|BearerToken|IdToken|SessionToken|Token|Credentials?|SigningKey|EncryptionKey|MasterKey|HmacKey|WebhookSecret|LicenseKey|SasToken|AccountKey|ConnectionString))\"\\s*:\\s*\"(\\$\\{|\\$\\(|\\{\\{|<%|\\$[A-Za-z_]|vault:|ref\\+|ENC\\[|\\(\\()|^\"[^\"]*\"\\s*:\\s*\"(\\$\\{(ssm|secretsmanager|vault|aws-secretsmanager)[:(]|vault:|arn:aws[\\w-]*:secretsmanager:)|^\"(aws_secretsmanager_\\w+|aws_ssm_parameter|google_secret_manager_\\w+|azurerm_key_vault_secret|vault_\\w*secret\\w*)\"\\s*:|^\"type\"\\s*:\\s*\"(aws_secretsmanager_\\w+|aws_ssm_parameter|google_secret_manager_\\w+|azurerm_key_vault_secret|vault_\\w*secret\\w*)\"")
 (#not-match? @sv "(?-u)^\"[A-Za-z][A-Za-z']*( +[A-Za-z',.?!()-]+)+\"$|^\\{\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"\\$ref\"\\s*:|^\\{\\s*\"(Type|Value|Export|Description|Default|AllowedValues|AllowedPattern|NoEcho)\"\\s*:|^\\{\\s*\"(description|title)\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"(allOf|anyOf|oneOf|properties)\"\\s*:"))
(array
  (string (string_content)) @risk.secrets
  (#match? @risk.secrets "(?-u)\\b(AKIA|ASIA)[0-9A-Z]{16}\\b|-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----|\\bgh[pousr]_[A-Za-z0-9]{36}\\b|\\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}|\\bxox[abprs]-[0-9A-Za-z-]{10,}|[a-z][a-z0-9+.-]*://[^/\\s:@\"{}]*:[^/\\s@\"{}$<*]+@"))

; =====================================================================================================
; crypto: TLS settings, certificate verification, ciphers, signing, randomness for security
; =====================================================================================================

; TLS and certificate-verification settings (`"rejectUnauthorized": false`,
; `"insecureSkipVerify": true`, `"ssl": false`, `"sslmode": "disable"`, cipher lists, CA bundles,
; insecure registries), encryption at rest (`"StorageEncrypted"`, KMS keys), signing and hashing
; algorithms when the value is one (`"algorithm": "HS256"`; a compression `algorithm` is not), and
; certificates pasted into a value.
((pair
   key: (string (string_content) @name)
   value: (_) @sv) @risk.crypto
 (#match? @risk.crypto "(?-u)^\"(?i:reject[_-]?unauthori[sz]ed|insecure[_-]?skip[_-]?(tls[_-]?)?verify|skip[_-]?(tls[_-]?|ssl[_-]?|cert[_-]?)?verif(y|ication)|tls[_-]?skip[_-]?verify|(verify|validate|check)[_-]?(ssl|tls|certs?|certificates?|hostname|server[_-]?cert[\\w-]*|peer)|(ssl|tls|cert)[_-]?verify|strict[_-]?ssl|ssl|tls|https|use[_-]?(ssl|tls|https)|enable[_-]?(ssl|tls|https)|(ssl|tls)[_-]?enabled|ssl[_-]?mode|tls[_-]?mode|(min|max)[_-]?(tls|ssl)[_-]?version|(tls|ssl)[_-]?(min|max)?[_-]?version|(tls|ssl)[_-]?(protocols?|options|config|settings|ciphers?)|ciphers|cipher[_-]?suites?|ca[_-]?(file|cert|certs|bundle|path)|(ssl|tls)[_-]?(ca|cert|certificate|key|key[_-]?file|cert[_-]?file|ca[_-]?file|client[_-]?cert)|cert[_-]?(file|path)|key[_-]?file|client[_-]?cert(ificate)?|allow[_-]?insecure|insecure|insecure[_-]?registries|accept[_-]?invalid[_-]?(certs|hostnames)|trust[_-]?all[_-]?certs|hsts|strict[_-]?transport[_-]?security|jwt[_-]?algorithm|signing[_-]?algorithm|encrypted|encryption([_-]?(config|configuration|at[_-]?rest|key[_-]?arn|type))?|storage[_-]?encrypted|kms[_-]?key[_-]?(id|arn)|sse[_-]?algorithm|server[_-]?side[_-]?encryption[\\w-]*)\"\\s*:|^\"(?i:alg|algorithms?|[\\w-]+[_-]?algorithms?)\"\\s*:\\s*\\[?\\s*\"(?i:((HS|RS|ES|PS)(256|384|512)|EdDSA|none|md5|sha-?(1|224|256|384|512)|des|3des|rc4|aes[\\w-]*|rsa[\\w-]*|ecdsa[\\w-]*|ed25519|hmac[\\w-]*|bcrypt|argon2\\w*|scrypt|pbkdf2[\\w-]*))\"|^\"[^\"]*\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*?-----BEGIN (CERTIFICATE|PUBLIC KEY|CERTIFICATE REQUEST)-----|^\"[^\"]*\"\\s*:\\s*\"[^\"]*[?&;](?i:sslmode=(disable|allow|prefer)|ssl=false|usessl=false|requiressl=false|tls=(false|skip-verify)|encrypt=false|trustservercertificate=true|sslverify=false|verify_ssl=false)\\b")
 (#not-match? @sv "(?-u)^\"[A-Za-z][A-Za-z']*( +[A-Za-z',.?!()-]+)+\"$|^\\{\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"\\$ref\"\\s*:|^\\{\\s*\"(Type|Value|Export|Description|Default|AllowedValues|AllowedPattern|NoEcho)\"\\s*:|^\\{\\s*\"(description|title)\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"(allOf|anyOf|oneOf|properties)\"\\s*:"))

; =====================================================================================================
; network: listeners, ports, bind addresses, firewalls and security groups, CORS, proxies, routing
; =====================================================================================================

; A bare `host` / `port` / `address` is a listener under a server-like parent (`"server"`,
; `"http"`, `"listen"`, `"management"`, `"Kestrel"`, ...) or at the top level of a file: network.
; Under any other parent (`"database"`, `"redis"`, `"smtp"`) it is the endpoint of a dependency:
; config, as are its `endpoint` / `url` when they hold a host or URL (a package's `"repository"`
; or `"bugs"` URL is not).
((pair
   key: (string (string_content) @p)
   value: (object (pair key: (string (string_content) @name)) @risk.network))
 (#match? @p "(?-u)^(?i:server|servers|http|https|http[_-]?server|https[_-]?server|listen|listener|listeners|web|web[_-]?server|webserver|api|app|admin|management|metrics|health|grpc|rpc|service|ingress|proxy|gateway|dashboard|ui|console|debug|kestrel|bind|frontend|entry[_-]?points?|express|fastify|koa|socket|websocket|firewall|firewall[_-]?rules?|security[_-]?group[_-]?rules?|devserver|dev[_-]?server)$")
 (#match? @risk.network "(?-u)^\"(?i:host|address|addr|bind|bind[_-]?address|bind[_-]?addr|listen|listen[_-]?address|port|ip|interface)\"\\s*:\\s*(\"|\\d)"))
((document
   (object (pair key: (string (string_content) @name)) @risk.network))
 (#match? @risk.network "(?-u)^\"(?i:host|address|addr|bind|bind[_-]?address|bind[_-]?addr|listen|listen[_-]?address|port|ip|interface)\"\\s*:\\s*(\"|\\d)"))
((pair
   key: (string (string_content) @p)
   value: (object (pair key: (string (string_content) @name)) @risk.config))
 (#not-match? @p "(?-u)^(?i:server|servers|http|https|http[_-]?server|https[_-]?server|listen|listener|listeners|web|web[_-]?server|webserver|api|app|admin|management|metrics|health|grpc|rpc|service|ingress|proxy|gateway|dashboard|ui|console|debug|kestrel|bind|frontend|entry[_-]?points?|express|fastify|koa|socket|websocket|firewall|firewall[_-]?rules?|security[_-]?group[_-]?rules?|devserver|dev[_-]?server)$")
 (#not-match? @p "(?-u)^(?i:environment|with|links|repository|repo|source|homepage|docs|documentation|external[_-]?docs|info|contact|license|metadata|annotations|labels|destination|image|chart|helm|git|upstream|origin|remote|registry|sources?|urls|issues|bugs|funding|author|publisher|publish[_-]?config|engines|dependencies|dev[_-]?dependencies)$")
 (#match? @risk.config "(?-u)^\"(?i:host|endpoint|url|uri|address|addr|server|base[_-]?url|api[_-]?url|broker|brokers|bootstrap[_-]?servers)\"\\s*:\\s*\"([a-z][a-z0-9+.-]*://|\\d{1,3}(\\.\\d{1,3}){3}|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+)|^\"(?i:port)\"\\s*:\\s*\"?\\d"))

; CORS, proxies, allow-lists, security group and firewall rules, port mappings, public IPs, load
; balancers, trusted proxies and allowed hosts; ports named as such (`httpPort`, `http_port`,
; `FromPort`, `PORT`) with a number as the value (`report`, `export`, `support` do not end in a
; `Port` word) and `ports` lists; hosts and listen addresses on all interfaces; anything open to
; the world (`"0.0.0.0/0"`, `"::/0"`, `"tcp://0.0.0.0:2375"`); Terraform security group and
; firewall resources.
((pair
   key: (string (string_content) @name)
   value: (_) @sv) @risk.network
 (#match? @risk.network "(?-u)^\"(?i:cors|cors[_-]?(origins?|config|options|settings)|allowed[_-]?origins|allow[_-]?origins?|access[_-]?control[_-]?allow[_-]?[\\w-]+|https?[_-]?proxy|no[_-]?proxy|proxy|proxy[_-]?(url|pass|host)|trusted[_-]?proxies|allowed[_-]?(ips|hosts|cidrs)|web[_-]?origins|ip[_-]?(allow|white|deny|black)[_-]?list|(allow|deny)[_-]?list[_-]?ips|security[_-]?group[_-]?(ingress|egress|ids?)|security[_-]?groups|security[_-]?rules|ingress|egress|(source|destination)[_-]?address[_-]?prefix(es)?|source[_-]?ranges|cidr[_-]?blocks?|firewall([_-]?rules)?|port[_-]?mappings|expose|exposed[_-]?ports|forward[_-]?ports|publicly[_-]?accessible|associate[_-]?public[_-]?ip[_-]?address|map[_-]?public[_-]?ip[_-]?on[_-]?launch|load[_-]?balancers?|listeners?)\"\\s*:|^\"([\\w-]*[_-][Pp]orts?|\\w*[a-z0-9]Ports?|\\w*PORTS?|\\w*Port_?Ranges?|\\w*_port_ranges?)\"\\s*:\\s*(\\d|\"\\d|\\[\\s*\\d)|^\"(?i:host|hostname|bind|bind[_-]?(address|addr|host|ip)|listen|listen[_-]?(address|addr|host|ip|on)|address|addr|server[_-]?(host|address|addr)|http[_-]?(host|address|addr)|interface|host[_-]?ip)\"\\s*:\\s*\"((0\\.0\\.0\\.0|::|\\[::\\]|\\*)(:\\d+)?|:\\d+)\"$|^\"[^\"]*\"\\s*:\\s*\"(0\\.0\\.0\\.0/0|::/0)\"$|^\"[^\"]*\"\\s*:\\s*\"(tcp|https?|grpc)://(0\\.0\\.0\\.0|\\[::\\])[:/\"]|^\"(aws_security_group\\w*|aws_vpc_security_group_\\w+|google_compute_firewall|azurerm_network_security_\\w+|aws_lb_listener\\w*)\"\\s*:|^\"type\"\\s*:\\s*\"(aws_security_group\\w*|aws_vpc_security_group_\\w+|google_compute_firewall|azurerm_network_security_\\w+|aws_lb_listener\\w*)\"|^\"(?i:ports)\"\\s*:\\s*\\[|^\"(?i:trust[_-]?prox(y|ies)|trusted[_-]?(proxies|hosts|networks)|allowed[_-]?hosts)\"\\s*:")
 (#not-match? @sv "(?-u)^\"[A-Za-z][A-Za-z']*( +[A-Za-z',.?!()-]+)+\"$|^\\{\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"\\$ref\"\\s*:|^\\{\\s*\"(Type|Value|Export|Description|Default|AllowedValues|AllowedPattern|NoEcho)\"\\s*:|^\\{\\s*\"(description|title)\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"(allOf|anyOf|oneOf|properties)\"\\s*:"))
(array
  (string (string_content)) @risk.network
  (#match? @risk.network "(?-u)^\"((tcp|https?|grpc)://(0\\.0\\.0\\.0|\\[::\\])[:/\"]|0\\.0\\.0\\.0/0\"|::/0\")"))

; =====================================================================================================
; dns: name resolution, DNS records and zones, resolvers, TTLs, service discovery
; =====================================================================================================

; Resolvers, search domains, hosted zones, record sets, alias targets, extra hosts, custom domains,
; Terraform DNS resources (`"aws_route53_record": {..}` in `*.tf.json`).
(pair
  key: (string (string_content) @name)
  value: (_) @sv
  (#match? @name "(?-u)(?i)^(dns|dns[_-]?(servers?|search|options|config|policy|name|zone[\\w-]*|records?|resolver|nameservers)|name[_-]?servers?|nameservers|upstream[_-]?dns|search[_-]?domains|hosted[_-]?zone([_-]?(id|name|config))?|resource[_-]?record[_-]?sets?|resource[_-]?records|record[_-]?sets?|alias[_-]?target|extra[_-]?hosts|host[_-]?aliases|service[_-]?discovery[\\w-]*|cname|zone[_-]?(id|name)|domain[_-]?names?|custom[_-]?domains?|aws_route53_\\w+|google_dns_\\w+|azurerm_(private_)?dns_\\w+|cloudflare_(dns_)?record|digitalocean_record)$")
  (#not-match? @sv "(?-u)^\"[A-Za-z][A-Za-z']*( +[A-Za-z',.?!()-]+)+\"$|^\\{\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"\\$ref\"\\s*:|^\\{\\s*\"(Type|Value|Export|Description|Default|AllowedValues|AllowedPattern|NoEcho)\"\\s*:|^\\{\\s*\"(description|title)\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"(allOf|anyOf|oneOf|properties)\"\\s*:")) @risk.dns
; DNS records as APIs take them (Cloudflare, Google Cloud DNS, Route53 record sets in SDK input
; and CloudFormation): an object with a record `type` and the record's content or TTL among its own
; keys. The regex reads the object from its `{`, stepping over strings and values nested one level,
; and gives up at anything nested deeper: it looks at the object's own keys, not its descendants',
; and costs each object only the length of its first keys. (Matching the two keys as sibling `pair`
; patterns costs a pending state per pair of every object in every JSON file.)
((object) @risk.dns
 (#match? @risk.dns "(?-u)^\\{(?:[^{}\\[\\]\"]|\"(?:[^\"\\\\]|\\\\.)*\"|\\{[^{}]*\\}|\\[[^\\[\\]]*\\])*?(?:\"(?:type|Type)\"\\s*:\\s*\"(?:A|AAAA|CNAME|MX|TXT|NS|SRV|CAA|PTR|SOA|ALIAS|HTTPS|SVCB)\"(?:[^{}\\[\\]\"]|\"(?:[^\"\\\\]|\\\\.)*\"|\\{[^{}]*\\}|\\[[^\\[\\]]*\\])*?\"(?:ttl|TTL|content|rrdatas|ResourceRecords|AliasTarget|proxied)\"\\s*:|\"(?:ttl|TTL|content|rrdatas|ResourceRecords|AliasTarget|proxied)\"\\s*:(?:[^{}\\[\\]\"]|\"(?:[^\"\\\\]|\\\\.)*\"|\\{[^{}]*\\}|\\[[^\\[\\]]*\\])*?\"(?:type|Type)\"\\s*:\\s*\"(?:A|AAAA|CNAME|MX|TXT|NS|SRV|CAA|PTR|SOA|ALIAS|HTTPS|SVCB)\")"))
; =====================================================================================================
; config: configuration loading and defaults, feature flags, environment variables, timeouts,
; retries, limits
; =====================================================================================================

; Timeouts, retries, limits, pool sizes, rate limits (`maxPerMinute`), concurrency, keep-alives,
; backoff (test-runner settings such as `testTimeout` left out); health checks and probes, cron
; schedules, retention periods, regions, CPU / memory / storage sizes and instance types, ulimits;
; debug and maintenance switches and the environment a service runs as; feature-flag objects whose
; entries are on/off switches; environment variables given to a service (`"env": {"NODE_ENV":
; "production"}`, ECS `environment`; ESLint's `"env": {"node": true}` is not).
((pair
   key: (string (string_content) @name)
   value: (_) @sv) @risk.config
 (#match? @risk.config "(?-u)^\"(?i:[\\w-]*(timeout|timeout[_-]?(ms|millis|seconds|secs?|sec|minutes)|retries|retry|retry[_-]?(count|limit|attempts|delay|interval|backoff|policy|strategy)|max[_-]?(retries[\\w-]*|attempts|connections|conns|pool[_-]?size|idle[\\w-]*|requests[\\w-]*|concurrency|concurrent[\\w-]*|body[_-]?size|payload[_-]?size|upload[_-]?size|request[_-]?size|file[_-]?size|message[_-]?size|workers|threads|sockets|queue[_-]?size|batch[_-]?size|memory|heap[\\w-]*|redirects|lifetime|wait[\\w-]*|keep[_-]?alive[\\w-]*|in[_-]?flight|open[_-]?files|rps|qps)|min[_-]?(connections|conns|idle|pool[_-]?size|workers|threads)|pool[_-]?size|pool[_-]?(max|min)|connection[_-]?limit|rate[_-]?limit[\\w-]*|ratelimit[\\w-]*|throttl[\\w-]*|concurrency([_-]?limit)?|backoff[\\w-]*|keep[_-]?alive[\\w-]*|[a-z]+[_-]?ttl|idle[_-]?timeout|grace[_-]?period[\\w-]*|burst([_-]?size|[_-]?limit)?|quota[\\w-]*|requests[_-]?per[_-]?[\\w-]+|circuit[_-]?breaker[\\w-]*|body[_-]?limit|request[_-]?limit|upload[_-]?limit|window[_-]?ms))\"\\s*:|^\"(?i:[\\w-]*(timeout|wait)[_-]?duration|(poll|refresh|sync|heartbeat|scrape|evaluation|reconcile|resync|health[_-]?check)[_-]?interval)\"\\s*:|^\"(?i:debug|debug[_-]?mode|dev[_-]?mode|maintenance[_-]?mode|read[_-]?only([_-]?mode)?|node[_-]?env|app[_-]?env|rails[_-]?env|flask[_-]?env|django[_-]?settings[_-]?module|aspnetcore[_-]?environment|spring[_-]?profiles[_-]?active|active[_-]?profiles?|environment|env)\"\\s*:\\s*(true|false|\"|-?\\d)|^\"(?i:feature[_-]?flags?|features|flags|toggles|feature[_-]?toggles|feature[_-]?switches|feature[_-]?management|experiments|rollouts?)\"\\s*:\\s*\\{\\s*\"[^\"]*\"\\s*:\\s*(true|false|\\{)|^\"(?i:env|environment|environment[_-]?variables|env[_-]?vars)\"\\s*:\\s*(\\{[^}]*:\\s*[\"\\d]|\\[\\s*\\{)|^\"(?i:(readiness|liveness|startup)[_-]?probe|health[_-]?check|ulimits|sysctls|backup[_-]?retention([_-]?period|[_-]?days)?|[\\w-]*retention[_-]?(days|period|hours|in[_-]?days)|[\\w-]*per[_-]?(second|sec|minute|min|hour|day))\"\\s*:|^\"(?i:schedule|cron|[\\w-]*cron[_-]?expression)\"\\s*:\\s*\"[@\\d*]|^\"(?i:[\\w-]*concurrency|[\\w-]*(workers|threads))\"\\s*:\\s*\"?\\d|^\"(?i:cpus?|memory|memory[_-]?(reservation|size|limit|mb|mib)|mem[_-]?limit|cpu[_-]?(units|limit)|ephemeral[_-]?storage|storage|allocated[_-]?storage|disk[_-]?size([_-]?gb)?|volume[_-]?size|vcpus?)\"\\s*:\\s*\"?\\d|^\"(?i:instance[_-]?(type|class|size)|db[_-]?instance[_-]?class|machine[_-]?type|node[_-]?size|vm[_-]?size|cache[_-]?node[_-]?type)\"\\s*:\\s*\"[A-Za-z]+\\d*[\\w-]*\\.[\\w.-]+|^\"(?i:region|aws[_-]?region)\"\\s*:\\s*\"")
 (#not-match? @name "(?-u)(?i)^(test|jest|mocha|jasmine|karma|spec)")
 (#not-match? @sv "(?-u)^\"[A-Za-z][A-Za-z']*( +[A-Za-z',.?!()-]+)+\"$|^\\{\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"\\$ref\"\\s*:|^\\{\\s*\"(Type|Value|Export|Description|Default|AllowedValues|AllowedPattern|NoEcho)\"\\s*:|^\\{\\s*\"(description|title)\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"(allOf|anyOf|oneOf|properties)\"\\s*:"))

; =====================================================================================================
; auth: authentication, sessions, tokens, passwords, permission checks, access-control decisions
; =====================================================================================================

; OAuth / OIDC / SAML settings, JWT issuer, audience and lifetimes, session and cookie security,
; OAuth client flows (Keycloak, Cognito), MFA and password policies, API Gateway and Lambda URL
; authorization (`"AuthorizationType": "NONE"`), OpenAPI security schemes; and auth, session and
; cookie blocks (objects only: a translation's `"session": "Your session expired"` is not one).
((pair
   key: (string (string_content) @name)
   value: (_) @sv) @risk.auth
 (#match? @risk.auth "(?-u)^\"(?i:oauth2?|oidc|openid([_.-]?connect)?|saml2?|sso|jwt|jwt[_.-]?(options|config|settings)|identity[_.-]?providers?|idp|authori[sz]ers?|authori[sz]ation[_.-]?type|auth[_.-]?type|auth[_.-]?mode|authentication[_.-]?(type|mode|method|scheme)s?|allow[_.-]?anonymous([_.-]?access)?|anonymous([_.-]?access)?|require[_.-]?auth[\\w-]*|issuer|issuer[_.-]?(url|uri)|audiences?|jwks[_.-]?(uri|url)|token[_.-]?(url|endpoint|expir[\\w-]*|lifetime|ttl)|authori[sz](e|ation)[_.-]?(url|endpoint)|redirect[_.-]?uris?|callback[_.-]?urls?|allowed[_.-]?redirect[\\w-]*|client[_.-]?id|public[_.-]?client|(standard|implicit)[_.-]?flow[_.-]?enabled|direct[_.-]?access[_.-]?grants[_.-]?enabled|grant[_.-]?types|pkce[\\w.-]*|expires[_.-]?in|access[_.-]?token[_.-]?(expir[\\w-]*|lifetime|lifespan|ttl)|refresh[_.-]?token[_.-]?(expir[\\w-]*|lifetime|lifespan|ttl)|session[_.-]?(timeout|lifetime|max[_.-]?age|expir[\\w-]*)|http[_.-]?only|same[_.-]?site|secure[_.-]?cookies?|cookie[_.-]?(secure|http[_.-]?only|same[_.-]?site|max[_.-]?age|domain)|csrf[\\w-]*|xsrf[\\w-]*|mfa[\\w-]*|two[_.-]?factor[\\w-]*|password[_.-]?polic[\\w-]*|login[_.-]?url|logout[_.-]?url|basic[_.-]?auth|htpasswd|api[_.-]?key[_.-]?required|security[_-]?schemes|security[_-]?definitions)\"\\s*:|^\"(?i:auth|authentication|authorization|session|sessions|cookie|cookies|security|passport)\"\\s*:\\s*\\{|^\"security\"\\s*:\\s*\\[")
 (#not-match? @sv "(?-u)^\"[A-Za-z][A-Za-z']*( +[A-Za-z',.?!()-]+)+\"$|^\\{\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"\\$ref\"\\s*:|^\\{\\s*\"(Type|Value|Export|Description|Default|AllowedValues|AllowedPattern|NoEcho)\"\\s*:|^\\{\\s*\"(description|title)\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"(allOf|anyOf|oneOf|properties)\"\\s*:"))

; =====================================================================================================
; data: destructive or schema-changing data operations
; =====================================================================================================

; ORM schema synchronisation and migrations (`"synchronize": true`, `"dropSchema"`), deletion
; policies and protection, final snapshots, reclaim policies; SQL that destroys or changes a
; schema, kept in a `sql` / `query` / `statement` value (a description that starts with "Drop
; table tennis" is not SQL).
((pair
   key: (string (string_content) @name)
   value: (_) @sv) @risk.data
 (#match? @risk.data "(?-u)^\"(?i:synchroni[sz]e|drop[_-]?schema|migrations[_-]?run|auto[_-]?migrat[\\w-]*|ddl[_-]?auto|hbm2ddl[_-]?auto|hibernate\\.hbm2ddl\\.auto|drop[_-]?database|clean[_-]?disabled|clean[_-]?on[_-]?validation[_-]?error|deletion[_-]?policy|update[_-]?replace[_-]?policy|deletion[_-]?protection([_-]?enabled)?|skip[_-]?final[_-]?snapshot|final[_-]?snapshot[\\w-]*|delete[_-]?automated[_-]?backups|point[_-]?in[_-]?time[_-]?recovery[\\w-]*|force[_-]?destroy|prevent[_-]?destroy|reclaim[_-]?policy|persistent[_-]?volume[_-]?reclaim[_-]?policy|drop[_-]?table|drop[_-]?column|drop[_-]?index|truncate[_-]?table|delete[_-]?on[_-]?termination)\"\\s*:|^\"(?i:sql|[\\w-]*_sql|query|queries|statements?|ddl|up|down|init[_-]?(sql|script|db)|migration|command|cmd)\"\\s*:\\s*\"\\s*(?i:\\s*(drop\\s+(table|database|schema|index|view|column)|truncate\\s|delete\\s+from\\s|alter\\s+table\\s))")
 (#not-match? @sv "(?-u)^\\{\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"\\$ref\"\\s*:|^\\{\\s*\"(Type|Value|Export|Description|Default|AllowedValues|AllowedPattern|NoEcho)\"\\s*:|^\\{\\s*\"(description|title)\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"(allOf|anyOf|oneOf|properties)\"\\s*:"))

; =====================================================================================================
; deploy: CI/CD pipelines, infrastructure as code, containers, rollouts, scaling, process execution
; =====================================================================================================

; Top-level `scripts` of package.json (and composer.json, whose scripts may be arrays) that
; deploy, publish or release, pipe a download into a shell (an install hook running remote code),
; or drive cloud and cluster CLIs; and scripts that migrate, reset or drop databases or delete data
; directories recursively (`rm -rf ./storage/uploads`; cleaning build output, `rm -rf dist`, is not).
(document
  (object
    (pair
      key: (string (string_content) @s)
      value: (object (pair key: (string (string_content) @name)) @risk.deploy)))
  (#eq? @s "scripts")
  (#match? @risk.deploy "(?-u)^\"(?i:(pre|post)?[_-]?(deploy|release|publish|ship|rollout|promote)(Only)?([:_-][\\w:-]+)?|(deploy|release|publish)([:_-][\\w:-]+)?)\"\\s*:|(?s)^\"[^\"]*\"\\s*:.*?(?i:\\b(curl|wget)\\b[^|]*\\|\\s*(sudo\\s+)?(ba|z|da)?sh\\b|\\bkubectl\\s+(apply|delete|rollout|scale|set|patch|replace|create|drain)|\\bhelm\\s+(install|upgrade|uninstall|rollback)|\\bterraform\\s+(apply|destroy)|\\bdocker\\s+(push|login)|\\baws\\s+(s3\\s+(sync|cp|rm)|ecs|ecr|cloudformation|lambda|deploy)|\\bgcloud\\s+(app|run|functions)\\s+deploy|\\b(npm|yarn|pnpm)\\s+publish|\\b(firebase|netlify|serverless|sls|cdk|sam|eb|fly|flyctl|wrangler|vercel)\\s+deploy|\\bvercel\\s+--prod|\\bsemantic-release\\b|\\bchangeset\\s+publish|\\blerna\\s+publish|\\bgh-pages\\b|\\bgit\\s+push\\b|\\bssh\\s|\\bscp\\s|\\brsync\\s)"))
(document
  (object
    (pair
      key: (string (string_content) @s)
      value: (object (pair key: (string (string_content) @name)) @risk.data)))
  (#eq? @s "scripts")
  (#match? @risk.data "(?-u)(?s)^\"[^\"]*\"\\s*:.*?(?i:\\b(migrate|migration:run|db:(drop|reset|migrate|push|seed)|schema:(drop|sync)|dropdb|prisma\\s+db\\s+push|drop\\s+(table|database)|truncate|flyway|liquibase)\\b|\\brm\\s+-[a-zA-Z]*[rR][a-zA-Z]*\\s+(-[a-zA-Z-]+\\s+)*[\"']?(/var/(lib|www|data|backups?)/|/srv/|/data\\b|/mnt/|/home/[\\w.-]+/(data|uploads?|backups?)|\\$\\{?[A-Z_]*(DATA|UPLOAD|BACKUP|STORAGE|MEDIA)[A-Z_]*\\}?|[\\w./$-]*\\b(data|uploads?|backups?|storage|db|database|media|volumes?|exports?)\\b))"))

; Containers: what image runs (ECS container definitions, pod specs written as JSON).
(pair
  key: (string (string_content) @c)
  value: (array (object (pair key: (string (string_content) @name)) @risk.deploy))
  (#any-of? @c "containerDefinitions" "containers" "initContainers" "ContainerDefinitions")
  (#any-of? @name "image" "Image"))
; Task definitions, desired counts and replicas, autoscaling, deployment strategies and rollouts.
(pair
  key: (string (string_content) @name)
  value: (_) @sv
  (#match? @name "(?-u)(?i)^(container[_-]?definitions|task[_-]?definition([_-]?arn)?|desired[_-]?count|desired[_-]?capacity|replicas|replica[_-]?count|min[_-]?replicas|max[_-]?replicas|min[_-]?capacity|max[_-]?capacity|instance[_-]?count|scaling[_-]?(config|policy|configuration)|auto[_-]?scaling[\\w-]*|deployment[_-]?(configuration|config|strategy|controller|circuit[_-]?breaker)|rollout[\\w-]*|canary[\\w-]*|blue[_-]?green[\\w-]*|rolling[_-]?update|update[_-]?strategy|maximum[_-]?percent|minimum[_-]?healthy[_-]?percent)$")
  (#not-match? @sv "(?-u)^\"[A-Za-z][A-Za-z']*( +[A-Za-z',.?!()-]+)+\"$|^\\{\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"\\$ref\"\\s*:|^\\{\\s*\"(Type|Value|Export|Description|Default|AllowedValues|AllowedPattern|NoEcho)\"\\s*:|^\\{\\s*\"(description|title)\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*\"type\"\\s*:\\s*\"(string|integer|number|boolean|object|array|null)\"|^\\{\\s*\"(allOf|anyOf|oneOf|properties)\"\\s*:")) @risk.deploy
