; Risk queries for YAML. Capture names say the category: @risk.<category>; @name names the hotspot.
;
; YAML here is Kubernetes manifests, GitHub Actions workflows, CloudFormation templates,
; docker-compose files, Helm values, Ansible tasks and application config. What makes a value
; high-impact is where it sits: the document's `kind`, the key and the shape of its value, or the
; path above it (`Resources` -> logical id -> `Type`, `on` -> `pull_request_target`,
; `Statement` -> item).
;
; The grammar: a mapping is a `block_mapping` of `block_mapping_pair`s with `key:` and `value:`
; fields; a scalar is a `flow_node` (plain, quoted, tagged, alias) and a nested mapping, sequence
; or `|` scalar is a `block_node`. A document is `(document (block_node (block_mapping ...)))`.
;
; Conventions used below:
; - The captured node is the `block_mapping_pair` a reviewer must look at (it starts on the key's
;   line), a whole document for objects that are high-impact as a whole (a Secret, a ClusterRole,
;   a NetworkPolicy), a CloudFormation resource, or a sequence item. `@name` is the key, the
;   document's `kind`, or the resource's logical id.
; - Most categories have ONE key/value pattern, `(block_mapping_pair key: (flow_node) @name
;   value: (_)) @risk.<cat>`, with one regex over the pair's own text, `key: value`. Every
;   alternative is anchored at the key (`^["']?(?i:timeout|...)["']?[ \t]*:`, quoted keys and
;   `snake_case`/`camelCase`/`kebab-case` alike) and some go on to the value on the key's line
;   (`user` only root; `port` only a number; `host` or `endpoint` only an IP or all interfaces;
;   `type` only `LoadBalancer`/`NodePort`/`ExternalName`), or to the first key of a nested block
;   (`resources` with `limits`/`requests`; `strategy` with `type`/`rollingUpdate`, not a CI
;   `matrix`). Values are read on the key's line or inside a `|` block scalar, never in a nested
;   mapping, so a parent pair is not flagged for what its children say. An anchored regex stops at
;   the first character that cannot match, so a pair with a large nested block costs no more than
;   a short one.
; - One pattern per category is what keeps YAML fast: tree-sitter starts a state for every pattern
;   at every pair. Document-level patterns start at `document` and walk a fixed path, which costs
;   one state per document.
; - Context from the document's `kind` (a Secret's `data`, a Role's `rules`) is read with a
;   multi-line regex over the document's top-level mapping (`(?m)^kind:\s*Secret$`), not with a
;   `kind` sibling pattern: `kubectl get -o yaml` writes keys in alphabetical order (`data` before
;   `kind`), and two unanchored sibling patterns keep a pending state per pair of a mapping until
;   it ends, which is cubic on a large mapping. Whole-document patterns look at the `kind` pair
;   itself and name the hotspot by it.
; - Values that read as prose (`debug: Show debug information`) are labels, not settings; a
;   nested `type: integer` is a JSON Schema / OpenAPI property, not a setting.
; - Every regex uses Rust `regex` syntax; backslashes are doubled because these are query strings.
;   Each starts with `(?-u)`: ASCII classes compile several times faster than Unicode ones.

; =====================================================================================================
; Kubernetes objects that are high-impact as a whole, by `kind` (any key order). Custom resources
; of the same nature are included: External Secrets, Sealed Secrets, cert-manager, Istio, Gateway
; API, Cilium and Calico policies, external-dns, Config Connector, Argo CD / Rollouts, Flux, KEDA.
; =====================================================================================================

(document
  (block_node
    (block_mapping
      (block_mapping_pair key: (flow_node) @k value: (flow_node) @name)) @risk.iam)
  (#eq? @k "kind")
  (#match? @name "(?-u)^[\"']?(Role|ClusterRole|RoleBinding|ClusterRoleBinding|ServiceAccount|PodSecurityPolicy|IAMPolicy|IAMPartialPolicy|IAMPolicyMember|IAMServiceAccount|IAMCustomRole)[\"']?$"))
(document
  (block_node
    (block_mapping
      (block_mapping_pair key: (flow_node) @k value: (flow_node) @name)) @risk.secrets)
  (#eq? @k "kind")
  (#match? @name "(?-u)^[\"']?(Secret|SealedSecret|ExternalSecret|ClusterExternalSecret|SecretStore|ClusterSecretStore|SecretProviderClass|VaultStaticSecret|VaultDynamicSecret)[\"']?$"))
(document
  (block_node
    (block_mapping
      (block_mapping_pair key: (flow_node) @k value: (flow_node) @name)) @risk.network)
  (#eq? @k "kind")
  (#match? @name "(?-u)^[\"']?(Service|Ingress|NetworkPolicy|CiliumNetworkPolicy|CiliumClusterwideNetworkPolicy|GlobalNetworkPolicy|Gateway|HTTPRoute|GRPCRoute|TCPRoute|TLSRoute|UDPRoute|VirtualService|DestinationRule|ServiceEntry|IngressRoute|IngressRouteTCP|IngressRouteUDP)[\"']?$"))
(document
  (block_node
    (block_mapping
      (block_mapping_pair key: (flow_node) @k value: (flow_node) @name)) @risk.dns)
  (#eq? @k "kind")
  (#match? @name "(?-u)^[\"']?(DNSEndpoint|DNSRecordSet|DNSManagedZone|DNSRecord|DNSZone|RecordSet|HostedZone|ResourceRecordSet)[\"']?$"))
(document
  (block_node
    (block_mapping
      (block_mapping_pair key: (flow_node) @k value: (flow_node) @name)) @risk.crypto)
  (#eq? @k "kind")
  (#match? @name "(?-u)^[\"']?(Certificate|CertificateRequest|Issuer|ClusterIssuer|PeerAuthentication)[\"']?$"))
(document
  (block_node
    (block_mapping
      (block_mapping_pair key: (flow_node) @k value: (flow_node) @name)) @risk.auth)
  (#eq? @k "kind")
  (#match? @name "(?-u)^[\"']?(AuthorizationPolicy|RequestAuthentication|SecurityPolicy)[\"']?$"))
(document
  (block_node
    (block_mapping
      (block_mapping_pair key: (flow_node) @k value: (flow_node) @name)) @risk.config)
  (#eq? @k "kind")
  (#match? @name "(?-u)^[\"']?ConfigMap[\"']?$"))
(document
  (block_node
    (block_mapping
      (block_mapping_pair key: (flow_node) @k value: (flow_node) @name)) @risk.deploy)
  (#eq? @k "kind")
  (#match? @name "(?-u)^[\"']?(HorizontalPodAutoscaler|VerticalPodAutoscaler|PodDisruptionBudget|ScaledObject|Rollout|Application|ApplicationSet|HelmRelease|Kustomization)[\"']?$"))

; Top-level pairs that matter because of the document's kind: a Secret's `data` / `stringData`,
; a ConfigMap's `data`, an RBAC object's `rules`, `subjects` and `aggregationRule`.
((document
   (block_node
     (block_mapping
       (block_mapping_pair key: (flow_node) @name) @risk.secrets) @doc))
 (#any-of? @name "data" "stringData")
 (#match? @doc "(?-u)(?m)^kind:[ \\t]*[\"']?(Secret|SealedSecret)[\"']?[ \\t]*$"))
((document
   (block_node
     (block_mapping
       (block_mapping_pair key: (flow_node) @name) @risk.config) @doc))
 (#any-of? @name "data" "binaryData")
 (#match? @doc "(?-u)(?m)^kind:[ \\t]*[\"']?ConfigMap[\"']?[ \\t]*$"))
((document
   (block_node
     (block_mapping
       (block_mapping_pair key: (flow_node) @name) @risk.iam) @doc))
 (#any-of? @name "rules" "subjects" "aggregationRule")
 (#match? @doc "(?-u)(?m)^kind:[ \\t]*[\"']?(Role|ClusterRole|RoleBinding|ClusterRoleBinding)[\"']?[ \\t]*$"))

; =====================================================================================================
; GitHub Actions: `pull_request_target` runs a workflow with the base repository's secrets and a
; write token on a fork's pull request. Under the top-level `on:` in any of its shapes (mapping,
; flow list, block list, or the single trigger).
; =====================================================================================================

(document
  (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @on
        value: [
          (block_node (block_mapping (block_mapping_pair key: (flow_node) @name) @risk.deploy @risk.iam))
          (block_node (block_sequence (block_sequence_item (flow_node) @name @risk.deploy @risk.iam)))
          (flow_node (flow_sequence (flow_node) @name @risk.deploy @risk.iam))
          (flow_node) @name @risk.deploy @risk.iam
        ])))
  (#any-of? @on "on" "\"on\"" "'on'" "true")
  (#eq? @name "pull_request_target"))

; =====================================================================================================
; CloudFormation (and SAM) resources, by type: `Resources` -> logical id -> `Type`. The logical id
; names the hotspot.
; =====================================================================================================

(document
  (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @r
        value: (block_node
          (block_mapping
            (block_mapping_pair
              key: (flow_node) @name
              value: (block_node (block_mapping (block_mapping_pair key: (flow_node) @t value: (flow_node) @ty)))) @risk.iam)))))
  (#eq? @r "Resources")
  (#eq? @t "Type")
  (#match? @ty "(?-u)^[\"']?AWS::(IAM|SSO|IdentityStore|Organizations::Policy|Lambda::Permission|S3::BucketPolicy|SNS::TopicPolicy|SQS::QueuePolicy|EKS::(AccessEntry|PodIdentityAssociation)|Cognito::IdentityPoolRoleAttachment)\\b"))
(document
  (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @r
        value: (block_node
          (block_mapping
            (block_mapping_pair
              key: (flow_node) @name
              value: (block_node (block_mapping (block_mapping_pair key: (flow_node) @t value: (flow_node) @ty)))) @risk.dns)))))
  (#eq? @r "Resources")
  (#eq? @t "Type")
  (#match? @ty "(?-u)^[\"']?AWS::(Route53|Route53Resolver|ServiceDiscovery)::"))
(document
  (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @r
        value: (block_node
          (block_mapping
            (block_mapping_pair
              key: (flow_node) @name
              value: (block_node (block_mapping (block_mapping_pair key: (flow_node) @t value: (flow_node) @ty)))) @risk.network)))))
  (#eq? @r "Resources")
  (#eq? @t "Type")
  (#match? @ty "(?-u)^[\"']?AWS::(EC2::(SecurityGroup\\w*|NetworkAcl\\w*|InternetGateway|NatGateway|Route|VPCPeeringConnection|EIP)|ElasticLoadBalancingV2::(Listener|LoadBalancer|ListenerRule)|ElasticLoadBalancing::LoadBalancer|ApiGateway\\w*::(RestApi|Api|Stage)|CloudFront::Distribution|WAFv2::\\w+|NetworkFirewall::\\w+|Serverless::Api|Serverless::HttpApi)[\"']?$"))
(document
  (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @r
        value: (block_node
          (block_mapping
            (block_mapping_pair
              key: (flow_node) @name
              value: (block_node (block_mapping (block_mapping_pair key: (flow_node) @t value: (flow_node) @ty)))) @risk.secrets)))))
  (#eq? @r "Resources")
  (#eq? @t "Type")
  (#match? @ty "(?-u)^[\"']?AWS::(SecretsManager::\\w+|SSM::Parameter|IAM::AccessKey)[\"']?$"))
(document
  (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @r
        value: (block_node
          (block_mapping
            (block_mapping_pair
              key: (flow_node) @name
              value: (block_node (block_mapping (block_mapping_pair key: (flow_node) @t value: (flow_node) @ty)))) @risk.crypto)))))
  (#eq? @r "Resources")
  (#eq? @t "Type")
  (#match? @ty "(?-u)^[\"']?AWS::(CertificateManager::\\w+|KMS::(Key|Alias)|ACMPCA::\\w+)[\"']?$"))
(document
  (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @r
        value: (block_node
          (block_mapping
            (block_mapping_pair
              key: (flow_node) @name
              value: (block_node (block_mapping (block_mapping_pair key: (flow_node) @t value: (flow_node) @ty)))) @risk.deploy)))))
  (#eq? @r "Resources")
  (#eq? @t "Type")
  (#match? @ty "(?-u)^[\"']?AWS::(ECS::(Service|TaskDefinition|Cluster)|AutoScaling::\\w+|ApplicationAutoScaling::\\w+|CodePipeline::\\w+|CodeBuild::\\w+|CodeDeploy::\\w+|Lambda::(Function|Alias|Version)|Serverless::Function|ElasticBeanstalk::\\w+|AppRunner::\\w+|EKS::(Cluster|Nodegroup)|CloudFormation::Stack|Batch::\\w+)[\"']?$"))
(document
  (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @r
        value: (block_node
          (block_mapping
            (block_mapping_pair
              key: (flow_node) @name
              value: (block_node (block_mapping (block_mapping_pair key: (flow_node) @t value: (flow_node) @ty)))) @risk.auth)))))
  (#eq? @r "Resources")
  (#eq? @t "Type")
  (#match? @ty "(?-u)^[\"']?AWS::(Cognito::UserPool\\w*|ApiGateway\\w*::Authorizer)[\"']?$"))
; Any other resource is infrastructure as code that deploys something (a database, a bucket, a
; queue, a cluster): deploy.
(document
  (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @r
        value: (block_node
          (block_mapping
            (block_mapping_pair
              key: (flow_node) @name
              value: (block_node (block_mapping (block_mapping_pair key: (flow_node) @t value: (flow_node) @ty)))) @risk.deploy)))))
  (#eq? @r "Resources")
  (#eq? @t "Type")
  (#match? @ty "(?-u)^[\"']?AWS::")
  (#not-match? @ty "(?-u)(^[\"']?AWS::(IAM|SSO|IdentityStore|Organizations::Policy|Lambda::Permission|S3::BucketPolicy|SNS::TopicPolicy|SQS::QueuePolicy|EKS::(AccessEntry|PodIdentityAssociation)|Cognito::IdentityPoolRoleAttachment)\\b)|(^[\"']?AWS::(Route53|Route53Resolver|ServiceDiscovery)::)|(^[\"']?AWS::(EC2::(SecurityGroup\\w*|NetworkAcl\\w*|InternetGateway|NatGateway|Route|VPCPeeringConnection|EIP)|ElasticLoadBalancingV2::(Listener|LoadBalancer|ListenerRule)|ElasticLoadBalancing::LoadBalancer|ApiGateway\\w*::(RestApi|Api|Stage)|CloudFront::Distribution|WAFv2::\\w+|NetworkFirewall::\\w+|Serverless::Api|Serverless::HttpApi)[\"']?$)|(^[\"']?AWS::(SecretsManager::\\w+|SSM::Parameter|IAM::AccessKey)[\"']?$)|(^[\"']?AWS::(CertificateManager::\\w+|KMS::(Key|Alias)|ACMPCA::\\w+)[\"']?$)|(^[\"']?AWS::(Cognito::UserPool\\w*|ApiGateway\\w*::Authorizer)[\"']?$)"))
; Parameters that hold a secret (`NoEcho: true`).
(document
  (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @r
        value: (block_node
          (block_mapping
            (block_mapping_pair
              key: (flow_node) @name
              value: (block_node (block_mapping (block_mapping_pair key: (flow_node) @t value: (flow_node) @v)))) @risk.secrets)))))
  (#eq? @r "Parameters")
  (#eq? @t "NoEcho")
  (#match? @v "(?-u)^[\"']?(?i:true|yes)[\"']?$"))

; IAM policy statements (CloudFormation `PolicyDocument`, Serverless `iam.role.statements`): each
; item of a `Statement` list, together with the pairs of it a reviewer must see: the `Effect`,
; `NotAction` / `NotPrincipal` / `NotResource`, wildcard or privilege-escalating actions (`"*"`,
; `iam:*`, `s3:*`, `iam:PassRole`, `sts:AssumeRole`), and anyone or anything (`Principal: "*"`,
; `Resource: "*"`). `@g` is the pair the regex reads; the item and the pair are both captured.
(block_mapping_pair
  key: (flow_node) @s
  value: (block_node
    (block_sequence
      (block_sequence_item
        (block_node
          (block_mapping
            (block_mapping_pair key: (flow_node) @name) @g @risk.iam) @risk.iam))))
  (#any-of? @s "Statement" "statements" "iamRoleStatements")
  (#any-of? @name "Effect" "Action" "NotAction" "Principal" "NotPrincipal" "Resource" "NotResource")
  (#match? @g "(?-u)(?s)^[\"']?Effect[\"']?[ \\t]*:[ \\t]*[\"']?(Allow|Deny)\\b|^[\"']?Not|^[\"']?Action[\"']?[ \\t]*:.*?[\\s\"'\\[,-](\\*|[\\w-]+:\\*|iam:(Pass|Create|Put|Attach|Update|Add|Delete|Detach|Set|Upload|Tag)\\w*|sts:AssumeRole\\w*)([\"'\\],\\s]|$)|^[\"']?(Principal|Resource)[\"']?[ \\t]*:.*[\"']\\*[\"']"))

; =====================================================================================================
; iam: roles, policies, grants, RBAC, privilege changes, service accounts
; =====================================================================================================

; Policy documents and role wiring (CloudFormation properties, IRSA / Workload Identity
; annotations, `serviceAccountName`, `roleRef`), privilege settings of containers and hosts
; (`securityContext`, `privileged`, `allowPrivilegeEscalation`, `runAsUser`,
; `readOnlyRootFilesystem`, `capabilities`, `hostPath`, `hostPID`, Pod Security labels, compose
; `cap_add`, `user: root`, `pid: host`, Ansible `become`, user / group / sudoers tasks, `sudo:
; ... NOPASSWD`, file modes `0777`), public bucket access (`AccessControl: PublicRead`,
; `PublicAccessBlockConfiguration`), GitHub Actions `permissions` and `<scope>: write` grants, RBAC
; rules with `"*"` or the escalate / bind / impersonate verbs, `cluster-admin`, the Docker socket,
; role ARNs, and scripts that grant roles (`az role assignment create`, `aws iam attach-...`,
; `gcloud ... add-iam-policy-binding`, `kubectl create rolebinding`).
((block_mapping_pair
   key: (flow_node) @name
   value: (_) @sv) @risk.iam
 (#match? @risk.iam "(?-u)^[\"']?(?i:assume[_-]?role[_-]?policy([_-]?document)?|policy[_-]?document|policy[_-]?arn|policy[_-]?arns|managed[_-]?policy[_-]?arns|permissions[_-]?boundary|execution[_-]?role[_-]?arn|task[_-]?role[_-]?arn|role[_-]?arn|service[_-]?role([_-]?arn)?|instance[_-]?profile([_-]?arn|[_-]?name)?|iam[_-]?instance[_-]?profile|iam[_-]?role([_-]?arn)?|assume[_-]?role|role[_-]?to[_-]?assume|service[_-]?account([_-]?name|[_-]?email)?|workload[_-]?identity[\\w-]*|key[_-]?policy|bucket[_-]?policy|access[_-]?policy|resource[_-]?policy|(default|optional)?[_-]?client[_-]?scopes|oauth[_-]?scopes|allowed[_-]?scopes|default[_-]?permissions|service[_-]?account[_-]?name|automount[_-]?service[_-]?account[_-]?token|role[_-]?ref|iam|iam[_-]?role[_-]?statements|security[_-]?context|pod[_-]?security[_-]?context|host[_-]?path|host[_-]?pid|host[_-]?ipc|cap[_-]?add|capabilities|become|become[_-]?user|become[_-]?method|run[_-]?as[_-]?user|run[_-]?as[_-]?group|run[_-]?as[_-]?non[_-]?root|allow[_-]?privilege[_-]?escalation|privileged|read[_-]?only[_-]?root[_-]?filesystem|seccomp[_-]?profile|app[_-]?armor[_-]?profile|permissions|fs[_-]?group|eks\\.amazonaws\\.com/role-arn|iam\\.gke\\.io/gcp-service-account|azure\\.workload\\.identity/client-id)[\"']?[ \\t]*:|^[\"']?(?:Policies|Roles|Users|Groups|Principals?|ManagedPolicyArns)[\"']?[ \\t]*:|^[\"']?(?i:user)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?(root|0)(:0)?[\"']?[ \\t]*$|^[\"']?(?i:pod-security\\.kubernetes\\.io/[\\w.-]+|public[_-]?access[_-]?block[\\w-]*|block[_-]?public[_-]?(acls|policy)|ignore[_-]?public[_-]?acls|restrict[_-]?public[_-]?buckets|object[_-]?ownership)[\"']?[ \\t]*:|^[\"']?(?i:access[_-]?control|acl|canned[_-]?acl)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?(?i:(public|authenticated)[_-]?(read|write))|^[\"']?(?i:(ansible\\.builtin\\.|ansible\\.posix\\.|community\\.general\\.)?(user|group|sudoers|authorized_key|acl))[\"']?[ \\t]*:[ \\t]*(?:#[^\\n]*)?\\n[ \\t]*(name|user|path|key)[ \\t]*:|^[\"']?(?i:mode|chmod|permissions)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?0?[0-7]?77[67]?\\b|^[\"']?(?i:sudo)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?[^\\n]*NOPASSWD|^[\"']?(?i:run|runcmd|bootcmd|command|args|script|inline[_-]?script|cmd|entrypoint|shell|before_script|after_script|ansible\\.builtin\\.(shell|command))[\"']?[ \\t]*:(?s:.*?)(?i:\\baz\\s+role\\s+(assignment|definition)\\s+(create|delete|update)|\\baws\\s+iam\\s+(create|attach|put|update|delete|add|remove|detach)|\\bgcloud\\s+[\\w\\s.-]*(add|remove|set)-iam-policy(-binding)?|\\bkubectl\\s+create\\s+(cluster)?rolebinding|\\bchmod\\s+(-R\\s+)?0?777\\b)|^[\"']?(?i:pid|ipc|userns[_-]?mode)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?host\\b|^[\"']?(?i:verbs|resources|api[_-]?groups|non[_-]?resource[_-]?urls)[\"']?[ \\t]*:[ \\t]*(\\[[^\\]]*|(#[^\\n]*)?\\n([ \\t]*-[^\\n]*\\n)*?[ \\t]*-[ \\t]*)[\"']\\*[\"']|^[\"']?(?i:verbs)[\"']?[ \\t]*:[ \\t]*(\\[[^\\]]*|(#[^\\n]*)?\\n([ \\t]*-[^\\n]*\\n)*?[ \\t]*-[ \\t]*[\"']?)\\b(escalate|bind|impersonate)\\b|^[\"']?(?i:contents|id-token|actions|packages|deployments|pull-requests|issues|checks|statuses|security-events|pages|attestations|discussions|repository-projects)[\"']?[ \\t]*:[ \\t]*write\\b|^[^:\\n]+:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?cluster-admin[\"\\']?[ \\t]*$|^[^:\\n]+:[ \\t]*[^\\n]*?/var/run/docker\\.sock\\b|^[^:\\n]+:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?arn:aws[\\w-]*:(iam|sts)::")
 (#not-match? @sv "(?-u)^[\"']?[A-Za-z][A-Za-z']*( +[A-Za-z',.?!()-]+)+[\"']?$|^type[ \\t]*:[ \\t]*[\"']?(string|integer|number|boolean|object|array|null)[\"']?[ \\t]*(\\n|$)|^\\$ref[ \\t]*:|^(Type|Value|Export|Description|Default|AllowedValues|AllowedPattern|NoEcho|ConstraintDescription)[ \\t]*:|^(description|title)[ \\t]*:[^\\n]*\\n[ \\t]*type[ \\t]*:[ \\t]*[\"']?(string|integer|number|boolean|object|array|null)\\b|^(allOf|anyOf|oneOf|properties)[ \\t]*:"))
((block_sequence_item (flow_node) @risk.iam)
 (#match? @risk.iam "(?-u)^[\"']?[^\\n]*/var/run/docker\\.sock\\b|^[\"']?arn:aws[\\w-]*:(iam|sts)::"))

; =====================================================================================================
; secrets: credentials, API keys, secret loading and storage, hard-coded secrets
; =====================================================================================================

; A key that names a credential, with a literal scalar value that is not a placeholder (`${VAR}`,
; `{{ .Values.x }}`, `$(VAR)`, `<...>`, `ENC[...]`, `((var))`, `changeme`, a `!Ref` tag or an
; alias), a reference name (`db-credentials`, `DB_PASSWORD`) nor a label. (A credential wired from
; the environment or a secret store is secret loading: the last pattern below.) The credential word must be a word of the key (`db_password`,
; `POSTGRES_PASSWORD`, `dbPassword`, `client-secret`); `tokenizer`, `passwordMinLength` and
; pagination tokens do not match. A bare `token` / `secret` needs a token-like value.
((block_mapping_pair
   key: (flow_node) @name
   value: (flow_node) @v) @risk.secrets
 (#match? @name "(?-u)(?i:(^|[_.-])(password|passwd|passphrase|secret|secret[_-]?key|client[_-]?secret|app[_-]?secret|api[_-]?key|apikey|api[_-]?token|access[_-]?key|secret[_-]?access[_-]?key|private[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|bearer[_-]?token|id[_-]?token|session[_-]?token|token|credentials?|signing[_-]?key|encryption[_-]?key|master[_-]?key|hmac[_-]?key|webhook[_-]?secret|license[_-]?key|sas[_-]?token|account[_-]?key|connection[_-]?string))$|[a-z0-9](Password|Passwd|Passphrase|Secret|SecretKey|ClientSecret|AppSecret|ApiKey|APIKey|ApiToken|AccessKey|SecretAccessKey|PrivateKey|AuthToken|AccessToken|RefreshToken|BearerToken|IdToken|SessionToken|Token|Credentials?|SigningKey|EncryptionKey|MasterKey|HmacKey|WebhookSecret|LicenseKey|SasToken|AccountKey|ConnectionString)$")
 (#not-match? @name "(?-u)(?i)(page|next|continuation|cursor|sync|pagination|csrf|xsrf|max|min|num)[_-]?tokens?$")
 (#not-match? @v "(?-u)(?i)^[\"']?(\\$\\{\\{.*\\}\\}|\\$\\{?[\\w.:-]*\\}?|\\$\\(.*\\)|\\{\\{.*\\}\\}|<[^>]*>|%\\(?[\\w.]*\\)?s?%?|#\\{.*\\}|\\(\\(.*\\)\\)|ENC\\[.*\\]|\\*+|x+|\\.+|-+|_+|null|none|nil|~|undefined|true|false|yes|no|read|write|changeme|change_?me|replace_?me|todo|tbd|placeholder|redacted|hidden|secret|password|your[_ -].*|env:.*|vault:.*|ref\\+.*|arn:aws[\\w-]*:(secretsmanager|ssm):.*)[\"']?$|^[!*&\\[{|>]|^[\"']?([a-z]+([-_][a-z]+)+|[A-Z]+(_[A-Z]+)+)[\"']?$|^(\"\"|'')$")
 (#not-match? @v "(?-u)^[\"']?[A-Za-z]+( +[A-Za-z',]+)+[?.!:]?[\"']?$")
 (#not-match? @risk.secrets "(?-u)^[\"']?(?i:token|secret)[\"']?[ \\t]*:[ \\t]*[\"']?([^\"'\\n]{0,15}|[^0-9\"'\\n]*|[^\"'\\n]*[^A-Za-z0-9+/=._~:\"'\\n-][^\"'\\n]*)[\"']?$"))
; The same as an environment list entry: `- DB_PASSWORD=hunter2` (compose) ...
((block_sequence_item (flow_node) @risk.secrets)
 (#match? @risk.secrets "(?-u)^[\"']?[A-Za-z0-9_]*(?i:PASSWORD|PASSWD|SECRET|SECRET_KEY|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|CLIENT_SECRET)=[^$\\s{<\"'*][^\\s\"']*[\"']?$|^[\"']?[^\\n]*?(?:\\b(AKIA|ASIA)[0-9A-Z]{16}\\b|-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----|\\bgh[pousr]_[A-Za-z0-9]{36}\\b|\\bgithub_pat_[A-Za-z0-9_]{22,}|\\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}|\\bxox[abprs]-[0-9A-Za-z-]{10,}|\\bAIza[0-9A-Za-z_-]{35}\\b|\\bsk-(proj-|ant-)?[A-Za-z0-9_-]{20,}|\\bglpat-[0-9A-Za-z_-]{20}|\\bnpm_[A-Za-z0-9]{36}\\b|\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}|[a-z][a-z0-9+.-]*://[^/\\s:@\"{}]*:[^/\\s@\"{}$<*]+@|\\{\\{resolve:(secretsmanager|ssm-secure):)"))
; ... or `- name: DB_PASSWORD` / `value: hunter2` (Kubernetes `env`, `name` first).
((block_mapping
   .
   (block_mapping_pair key: (flow_node) @nk value: (flow_node) @name)
   .
   (block_mapping_pair key: (flow_node) @vk value: (flow_node) @v)) @risk.secrets
 (#eq? @nk "name")
 (#eq? @vk "value")
 (#match? @name "(?-u)^[\"\\']?[A-Za-z0-9_]*(?i:PASSWORD|PASSWD|SECRET|SECRET_KEY|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|CLIENT_SECRET)[\"\\']?$")
 (#not-match? @v "(?-u)(?i)^[\"']?(\\$\\{\\{.*\\}\\}|\\$\\{?[\\w.:-]*\\}?|\\$\\(.*\\)|\\{\\{.*\\}\\}|<[^>]*>|%\\(?[\\w.]*\\)?s?%?|#\\{.*\\}|\\(\\(.*\\)\\)|ENC\\[.*\\]|\\*+|x+|\\.+|-+|_+|null|none|nil|~|undefined|true|false|yes|no|read|write|changeme|change_?me|replace_?me|todo|tbd|placeholder|redacted|hidden|secret|password|your[_ -].*|env:.*|vault:.*|ref\\+.*|arn:aws[\\w-]*:(secretsmanager|ssm):.*)[\"']?$|^[!*&\\[{|>]|^[\"']?([a-z]+([-_][a-z]+)+|[A-Z]+(_[A-Z]+)+)[\"']?$|^(\"\"|'')$"))
; Where secrets come from and where they are used: `secretKeyRef`, `envFrom` with `secretRef`,
; `imagePullSecrets`, `existingSecret`, compose and GitHub Actions `secrets`, token and password
; files, `${{ secrets.X }}` and `${{ github.token }}` in a value or a `run: |` script, credential
; keys wired from the environment or a template (`password: ${DB_PASSWORD}`, `<%= ENV[..] %>`,
; `!Ref DbPassword`), references into a secret store (`{{resolve:secretsmanager:..}}`,
; `${ssm:..}`, `vault:..`); and values that are credentials whatever their key (cloud and SaaS key
; formats, private keys, passwords in URLs and connection strings, literal Basic/Bearer headers).
((block_mapping_pair
   key: (flow_node) @name
   value: (_) @sv) @risk.secrets
 (#match? @risk.secrets "(?-u)^[\"']?(?i:secrets|secret[_-]?arn|secrets[_-]?manager[\\w-]*|secret[_-]?ref|secret[_-]?key[_-]?ref|value[_-]?from|secret[_-]?name|connection[_-]?strings|key[_-]?vault[\\w-]*|vault[_-]?(addr|path|role|token)|credentials?[_-]?(file|path|provider)|aws[_-]?secret[_-]?access[_-]?key|aws[_-]?access[_-]?key[_-]?id|google[_-]?application[_-]?credentials|[\\w-]*secret[_-]?(key[_-]?)?ref|image[_-]?pull[_-]?secrets|existing[_-]?secret|secret[_-]?store[_-]?ref|encrypted[_-]?data|client[_-]?key[_-]?data|tls\\.key|ssh[_-]?private[_-]?key|secret[_-]?generator|private[_-]?key[_-]?(file|path)|[\\w-]*(token|password|passwd|secret|credentials?)[_-]?file)[\"']?[ \\t]*:|^[\"']?(?i:env[_-]?from)[\"']?[ \\t]*:(?s:.*)\\b(?i:secret[_-]?ref)\\b|^[^:\\n]+:[ \\t]*[^\\n]*?(?:\\b(AKIA|ASIA)[0-9A-Z]{16}\\b|-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----|\\bgh[pousr]_[A-Za-z0-9]{36}\\b|\\bgithub_pat_[A-Za-z0-9_]{22,}|\\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}|\\bxox[abprs]-[0-9A-Za-z-]{10,}|\\bAIza[0-9A-Za-z_-]{35}\\b|\\bsk-(proj-|ant-)?[A-Za-z0-9_-]{20,}|\\bglpat-[0-9A-Za-z_-]{20}|\\bnpm_[A-Za-z0-9]{36}\\b|\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}|[a-z][a-z0-9+.-]*://[^/\\s:@\"{}]*:[^/\\s@\"{}$<*]+@|\\{\\{resolve:(secretsmanager|ssm-secure):)|^[^:\\n]+:[ \\t]*[^\\n]*?[a-z][a-z0-9+.-]*://[^/\\s:@\"'{}]*:[^/\\s@\"']+@|^[^:\\n]+:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?(Basic|Bearer|Token) [A-Za-z0-9+/=._~-]{12,}[\"\\']?[ \\t]*$|^[^:\\n]+:[ \\t]*[^\\n]*?(^|[;\\s\"\\'])(?i:password|pwd)=[^;\\s\"\\'$%{<*]|^[^:\\n]+:[ \\t]*[|>][^\\n]*\\n(?s:.*?)-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----|^[^:\\n]+:[ \\t]*[^\\n]*?\\$\\{\\{\\s*(secrets\\.|github\\.token\\b)|^[^:\\n]+:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?(\\$\\{(ssm|secretsmanager|vault|aws-secretsmanager)[:(]|\\{\\{resolve:(secretsmanager|ssm-secure):|vault:|arn:aws[\\w-]*:secretsmanager:)|^[\"']?(?:(?i:(?:[^:\\n\"']*[_.-])?(?:password|passwd|passphrase|secret|secret[_-]?key|client[_-]?secret|app[_-]?secret|api[_-]?key|apikey|api[_-]?token|access[_-]?key|secret[_-]?access[_-]?key|private[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|bearer[_-]?token|id[_-]?token|session[_-]?token|token|credentials?|signing[_-]?key|encryption[_-]?key|master[_-]?key|hmac[_-]?key|webhook[_-]?secret|license[_-]?key|sas[_-]?token|account[_-]?key|connection[_-]?string))|[^:\\n\"']*[a-z0-9](?:Password|Passwd|Passphrase|Secret|SecretKey|ClientSecret|AppSecret|ApiKey|APIKey|ApiToken|AccessKey|SecretAccessKey|PrivateKey|AuthToken|AccessToken|RefreshToken|BearerToken|IdToken|SessionToken|Token|Credentials?|SigningKey|EncryptionKey|MasterKey|HmacKey|WebhookSecret|LicenseKey|SasToken|AccountKey|ConnectionString))[\"']?[ \\t]*:[ \\t]*(!(Ref|Sub|GetAtt|ImportValue|FindInMap|Join)\\b|[\"']?(\\$\\{|\\$\\(|\\{\\{|<%|\\$[A-Za-z_]|vault:|ref\\+|ENC\\[|\\(\\(|arn:aws[\\w-]*:(secretsmanager|ssm):))|^[^:\\n]+:[ \\t]*[|>][^\\n]*\\n(?s:.*?)\\$\\{\\{\\s*(secrets\\.|github\\.token\\b)")
 (#not-match? @sv "(?-u)^[\"']?[A-Za-z][A-Za-z']*( +[A-Za-z',.?!()-]+)+[\"']?$|^type[ \\t]*:[ \\t]*[\"']?(string|integer|number|boolean|object|array|null)[\"']?[ \\t]*(\\n|$)|^\\$ref[ \\t]*:|^(Type|Value|Export|Description|Default|AllowedValues|AllowedPattern|NoEcho|ConstraintDescription)[ \\t]*:|^(description|title)[ \\t]*:[^\\n]*\\n[ \\t]*type[ \\t]*:[ \\t]*[\"']?(string|integer|number|boolean|object|array|null)\\b|^(allOf|anyOf|oneOf|properties)[ \\t]*:"))

; =====================================================================================================
; crypto: TLS settings, certificate verification, ciphers, signing, randomness for security
; =====================================================================================================

; TLS and verification settings (`insecureSkipVerify`, `insecure_skip_verify`, `tls`, `sslmode`,
; `validate_certs`, `verify_ssl`, kubeconfig `insecure-skip-tls-verify` and CA data, Istio `mtls`),
; ingress TLS annotations and cert-manager issuers, encryption at rest, signing algorithms when the
; value is one, `kubernetes.io/tls` secrets, and certificates pasted into a value.
((block_mapping_pair
   key: (flow_node) @name
   value: (_) @sv) @risk.crypto
 (#match? @risk.crypto "(?-u)^[\"']?(?i:reject[_-]?unauthori[sz]ed|insecure[_-]?skip[_-]?(tls[_-]?)?verify|skip[_-]?(tls[_-]?|ssl[_-]?|cert[_-]?)?verif(y|ication)|tls[_-]?skip[_-]?verify|(verify|validate|check)[_-]?(ssl|tls|certs?|certificates?|hostname|server[_-]?cert[\\w-]*|peer)|(ssl|tls|cert)[_-]?verify|strict[_-]?ssl|ssl|tls|https|use[_-]?(ssl|tls|https)|enable[_-]?(ssl|tls|https)|(ssl|tls)[_-]?enabled|ssl[_-]?mode|tls[_-]?mode|(min|max)[_-]?(tls|ssl)[_-]?version|(tls|ssl)[_-]?(min|max)?[_-]?version|(tls|ssl)[_-]?(protocols?|options|config|settings|ciphers?)|ciphers|cipher[_-]?suites?|ca[_-]?(file|cert|certs|bundle|path)|(ssl|tls)[_-]?(ca|cert|certificate|key|key[_-]?file|cert[_-]?file|ca[_-]?file|client[_-]?cert)|cert[_-]?(file|path)|key[_-]?file|client[_-]?cert(ificate)?|allow[_-]?insecure|insecure|insecure[_-]?registries|accept[_-]?invalid[_-]?(certs|hostnames)|trust[_-]?all[_-]?certs|hsts|strict[_-]?transport[_-]?security|jwt[_-]?algorithm|signing[_-]?algorithm|encrypted|encryption([_-]?(config|configuration|at[_-]?rest|key[_-]?arn|type))?|storage[_-]?encrypted|kms[_-]?key[_-]?(id|arn)|sse[_-]?algorithm|server[_-]?side[_-]?encryption[\\w-]*|mtls|certificate[_-]?authority(-data)?|client[_-]?certificate(-data)?|tls\\.crt|ca\\.crt|insecure[_-]?skip[_-]?tls[_-]?verify|[\\w.-]+/(ssl-redirect|force-ssl-redirect|ssl-passthrough|backend-protocol|proxy-ssl-[\\w-]+|ssl-ciphers|ssl-protocols|auth-tls-[\\w-]+|hsts[\\w-]*)|cert-manager\\.io/[\\w.-]+)[\"']?[ \\t]*:|^[\"']?(?i:alg|algorithms?|[\\w-]+[_-]?algorithms?)[\"']?[ \\t]*:[ \\t]*(\\[[ \\t]*|(#[^\\n]*)?\\n[ \\t]*-[ \\t]*)?[\"']?(?i:((HS|RS|ES|PS)(256|384|512)|EdDSA|none|md5|sha-?(1|224|256|384|512)|des|3des|rc4|aes[\\w-]*|rsa[\\w-]*|ecdsa[\\w-]*|ed25519|hmac[\\w-]*|bcrypt|argon2\\w*|scrypt|pbkdf2[\\w-]*))[\"']?([ \\t,\\]]|$)|^[\"']?(?i:type)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?kubernetes\\.io/tls\\b|^[^:\\n]+:[ \\t]*[^\\n]*?[?&;](?i:sslmode=(disable|allow|prefer)|ssl=false|usessl=false|requiressl=false|tls=(false|skip-verify)|encrypt=false|trustservercertificate=true|sslverify=false|verify_ssl=false)\\b|^[^:\\n]+:[ \\t]*[^\\n]*?-----BEGIN (CERTIFICATE|PUBLIC KEY|CERTIFICATE REQUEST)-----|^[^:\\n]+:[ \\t]*[|>][^\\n]*\\n(?s:.*?)-----BEGIN (CERTIFICATE|PUBLIC KEY|CERTIFICATE REQUEST)-----")
 (#not-match? @sv "(?-u)^[\"']?[A-Za-z][A-Za-z']*( +[A-Za-z',.?!()-]+)+[\"']?$|^type[ \\t]*:[ \\t]*[\"']?(string|integer|number|boolean|object|array|null)[\"']?[ \\t]*(\\n|$)|^\\$ref[ \\t]*:|^(Type|Value|Export|Description|Default|AllowedValues|AllowedPattern|NoEcho|ConstraintDescription)[ \\t]*:|^(description|title)[ \\t]*:[^\\n]*\\n[ \\t]*type[ \\t]*:[ \\t]*[\"']?(string|integer|number|boolean|object|array|null)\\b|^(allOf|anyOf|oneOf|properties)[ \\t]*:"))

; =====================================================================================================
; network: listeners, ports, bind addresses, firewalls and security groups, CORS, proxies, routing
; =====================================================================================================

; A bare `host` / `port` / `address` is a listener under a server-like parent (`server:`, `http:`,
; `listen:`, `management:`, `service:`, ...) or at the top level of a file: network. Under any
; other parent (`database:`, `redis:`, `smtp:`, a probe's `httpGet:`) it is the endpoint of a
; dependency: config, as are its `endpoint` / `url` when they hold a host or URL.
(block_mapping_pair
  key: (flow_node) @p
  value: (block_node (block_mapping (block_mapping_pair key: (flow_node) @name value: (flow_node)) @risk.network))
  (#match? @p "(?-u)^[\"']?(?i:server|servers|http|https|http[_-]?server|https[_-]?server|listen|listener|listeners|web|web[_-]?server|webserver|api|app|admin|management|metrics|health|grpc|rpc|service|ingress|proxy|gateway|dashboard|ui|console|debug|kestrel|bind|frontend|entry[_-]?points?|express|fastify|koa|socket|websocket|(community\\.general\\.|ansible\\.posix\\.|ansible\\.builtin\\.)?(ufw|firewalld|iptables)|firewall|firewall[_-]?rules?|security[_-]?group[_-]?rules?)[\"']?$")
  (#match? @risk.network "(?-u)^[\"']?(?i:host|address|addr|bind|bind[_-]?address|bind[_-]?addr|listen|listen[_-]?address|port|ip|interface)[\"']?[ \\t]*:"))
(document
  (block_node
    (block_mapping
      (block_mapping_pair key: (flow_node) @name value: (flow_node)) @risk.network))
  (#match? @risk.network "(?-u)^[\"']?(?i:host|address|addr|bind|bind[_-]?address|bind[_-]?addr|listen|listen[_-]?address|port|ip|interface)[\"']?[ \\t]*:"))
(block_mapping_pair
  key: (flow_node) @p
  value: (block_node (block_mapping (block_mapping_pair key: (flow_node) @name value: (flow_node)) @risk.config))
  (#not-match? @p "(?-u)^[\"']?(?i:server|servers|http|https|http[_-]?server|https[_-]?server|listen|listener|listeners|web|web[_-]?server|webserver|api|app|admin|management|metrics|health|grpc|rpc|service|ingress|proxy|gateway|dashboard|ui|console|debug|kestrel|bind|frontend|entry[_-]?points?|express|fastify|koa|socket|websocket|(community\\.general\\.|ansible\\.posix\\.|ansible\\.builtin\\.)?(ufw|firewalld|iptables)|firewall|firewall[_-]?rules?|security[_-]?group[_-]?rules?)[\"']?$")
  (#not-match? @p "(?-u)^[\"']?(?i:environment|with|links|repository|repo|source|homepage|docs|documentation|info|contact|license|metadata|annotations|labels|destination|image|chart|helm|git|upstream|origin|remote|registry|sources?|urls|issues|bugs|funding|author|publisher|(ansible\\.builtin\\.)?(get_url|uri|git|unarchive|apt_key|apt_repository|yum_repository|rpm_key|pip|package))[\"']?$")
  (#match? @risk.config "(?-u)^[\"']?(?i:host|endpoint|url|uri|address|addr|server|base[_-]?url|api[_-]?url|broker|brokers|bootstrap[_-]?servers)[\"']?[ \\t]*:[ \\t]*[\"']?([a-z][a-z0-9+.-]*://|\\d{1,3}(\\.\\d{1,3}){3}|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+)|^[\"']?(?i:port)[\"']?[ \\t]*:[ \\t]*[\"']?\\d"))

; `ports` lists (compose, Services, containers; not a docs page named `Ports`), ports named as
; such (`containerPort`, `hostPort`, `targetPort`, `FromPort`, `PORT`), `hostNetwork`, compose
; `network_mode`, Service `type: LoadBalancer` / `NodePort` and cloud load-balancer annotations,
; `externalIPs`, `loadBalancerSourceRanges`, NetworkPolicy `ipBlock`, security group rules and
; CIDRs, CORS, proxies, trusted proxies and allowed hosts, allow-lists and ingress-controller
; snippets, listen addresses on all interfaces, and anything open to the world (`0.0.0.0/0`,
; `::/0`, `tcp://0.0.0.0:2375`).
((block_mapping_pair
   key: (flow_node) @name
   value: (_) @sv) @risk.network
 (#match? @risk.network "(?-u)^[\"']?(?i:cors|cors[_-]?(origins?|config|options|settings)|allowed[_-]?origins|allow[_-]?origins?|access[_-]?control[_-]?allow[_-]?[\\w-]+|https?[_-]?proxy|no[_-]?proxy|proxy|proxy[_-]?(url|pass|host)|trusted[_-]?proxies|allowed[_-]?(ips|hosts|cidrs)|web[_-]?origins|ip[_-]?(allow|white|deny|black)[_-]?list|(allow|deny)[_-]?list[_-]?ips|security[_-]?group[_-]?(ingress|egress|ids?)|security[_-]?groups|security[_-]?rules|ingress|egress|(source|destination)[_-]?address[_-]?prefix(es)?|source[_-]?ranges|cidr[_-]?blocks?|firewall([_-]?rules)?|port[_-]?mappings|expose|exposed[_-]?ports|forward[_-]?ports|publicly[_-]?accessible|associate[_-]?public[_-]?ip[_-]?address|map[_-]?public[_-]?ip[_-]?on[_-]?launch|load[_-]?balancers?|listeners?|global[_-]?cors|cors[_-]?configurations|exposure|host[_-]?network|host[_-]?port|network[_-]?mode|external[_-]?ips|load[_-]?balancer[_-]?(ip|source[_-]?ranges|class)|external[_-]?traffic[_-]?policy|ip[_-]?block|cidr[_-]?ip(v6)?|ingress[_-]?class[_-]?name|service\\.beta\\.kubernetes\\.io/[\\w.-]+|[\\w.-]+/(whitelist-source-range|allowlist-source-range|denylist-source-range|enable-cors|cors-[\\w-]+|configuration-snippet|server-snippet|rewrite-target|upstream-vhost)|(community\\.general\\.|ansible\\.posix\\.|ansible\\.builtin\\.)?(ufw|firewalld|iptables))[\"']?[ \\t]*:|^[\"']?(?:[\\w-]*[_-][Pp]orts?|\\w*[a-z0-9]Ports?|\\w*PORTS?|\\w*Port_?Ranges?|\\w*_port_ranges?)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?\\d|^[\"']?(?i:ports|expose)[\"']?[ \\t]*:[ \\t]*(\\[|(#[^\\n]*)?\\n[ \\t]*-|[\"']?\\d)|^[\"']?(?i:host|hostname|bind|bind[_-]?(address|addr|host|ip)|listen|listen[_-]?(address|addr|host|ip|on)|address|addr|server[_-]?(host|address|addr)|http[_-]?(host|address|addr)|interface|host[_-]?ip|endpoint|grpc[_-]?endpoint|http[_-]?endpoint)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?((0\\.0\\.0\\.0|::|\\[::\\]|\\*)(:\\d+)?|:\\d+)[\"']?[ \\t]*$|^[\"']?(?i:trust[_-]?prox(y|ies)|trusted[_-]?(proxies|hosts|networks)|allowed[_-]?hosts)[\"']?[ \\t]*:|^[\"']?(?i:type)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?(LoadBalancer|NodePort)\\b|^[^:\\n]+:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?(0\\.0\\.0\\.0/0|::/0)[\"']?[ \\t]*$|^[^:\\n]+:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?(tcp|https?|grpc)://(0\\.0\\.0\\.0|\\[::\\])[:/\"\\'\\s]")
 (#not-match? @sv "(?-u)^[\"']?[A-Za-z][A-Za-z']*( +[A-Za-z',.?!()-]+)+[\"']?$|^type[ \\t]*:[ \\t]*[\"']?(string|integer|number|boolean|object|array|null)[\"']?[ \\t]*(\\n|$)|^\\$ref[ \\t]*:|^(Type|Value|Export|Description|Default|AllowedValues|AllowedPattern|NoEcho|ConstraintDescription)[ \\t]*:|^(description|title)[ \\t]*:[^\\n]*\\n[ \\t]*type[ \\t]*:[ \\t]*[\"']?(string|integer|number|boolean|object|array|null)\\b|^(allOf|anyOf|oneOf|properties)[ \\t]*:"))
((block_sequence_item (flow_node) @risk.network)
 (#match? @risk.network "(?-u)^[\"']?((0\\.0\\.0\\.0/0|::/0)[\"']?$|(tcp|https?|grpc)://(0\\.0\\.0\\.0|\\[::\\])[:/\"'\\s])"))

; =====================================================================================================
; dns: name resolution, DNS records and zones, resolvers, TTLs, service discovery
; =====================================================================================================

; `dnsPolicy`, `dnsConfig`, `nameservers`, `searches`, `hostAliases`, compose `dns` and
; `extra_hosts`, `externalName` and `type: ExternalName`, external-dns annotations, CoreDNS
; `Corefile`, hosted zones and record sets.
((block_mapping_pair
   key: (flow_node) @name
   value: (_) @sv) @risk.dns
 (#match? @risk.dns "(?-u)^[\"']?(?i:dns|dns[_-]?(servers?|search|options|config|policy|name|zone[\\w-]*|records?|resolver|nameservers)|name[_-]?servers?|nameservers|upstream[_-]?dns|search[_-]?domains|hosted[_-]?zone([_-]?(id|name|config))?|resource[_-]?record[_-]?sets?|resource[_-]?records|record[_-]?sets?|alias[_-]?target|extra[_-]?hosts|host[_-]?aliases|service[_-]?discovery[\\w-]*|cname|zone[_-]?(id|name)|domain[_-]?names?|custom[_-]?domains?|searches|external[_-]?name|corefile|external-dns\\.alpha\\.kubernetes\\.io/[\\w.-]+|hostname[_-]?override)[\"']?[ \\t]*:|^[\"']?(?i:type)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?ExternalName\\b")
 (#not-match? @sv "(?-u)^[\"']?[A-Za-z][A-Za-z']*( +[A-Za-z',.?!()-]+)+[\"']?$|^type[ \\t]*:[ \\t]*[\"']?(string|integer|number|boolean|object|array|null)[\"']?[ \\t]*(\\n|$)|^\\$ref[ \\t]*:|^(Type|Value|Export|Description|Default|AllowedValues|AllowedPattern|NoEcho|ConstraintDescription)[ \\t]*:|^(description|title)[ \\t]*:[^\\n]*\\n[ \\t]*type[ \\t]*:[ \\t]*[\"']?(string|integer|number|boolean|object|array|null)\\b|^(allOf|anyOf|oneOf|properties)[ \\t]*:"))

; =====================================================================================================
; config: configuration loading and defaults, feature flags, environment variables, timeouts,
; retries, limits
; =====================================================================================================

; Environment entries that are settings (`- name: REQUEST_TIMEOUT` / `value: 15s` in a pod spec,
; `- WORKER_CONCURRENCY=4` in compose): timeouts, limits, hosts and ports, regions, feature
; switches. An `env:` block as a whole is not flagged: a CI job's or a service's environment is
; mostly names and wiring, and its secrets are flagged where they are wired.
((block_mapping
   .
   (block_mapping_pair key: (flow_node) @nk value: (flow_node) @name)
   .
   (block_mapping_pair key: (flow_node) @vk)) @risk.config
 (#eq? @nk "name")
 (#eq? @vk "value")
 (#match? @name "(?-u)^[\"']?(?i:[\\w-]*(timeout|timeout[_-]?(ms|millis|seconds|secs?|sec|minutes)|retries|retry|retry[_-]?(count|limit|attempts|delay|interval|backoff|policy|strategy)|max[_-]?(retries[\\w-]*|attempts|connections|conns|pool[_-]?size|idle[\\w-]*|requests[\\w-]*|concurrency|concurrent[\\w-]*|body[_-]?size|payload[_-]?size|upload[_-]?size|request[_-]?size|file[_-]?size|message[_-]?size|workers|threads|sockets|queue[_-]?size|batch[_-]?size|memory|heap[\\w-]*|redirects|lifetime|wait[\\w-]*|keep[_-]?alive[\\w-]*|in[_-]?flight|open[_-]?files|rps|qps)|min[_-]?(connections|conns|idle|pool[_-]?size|workers|threads)|pool[_-]?size|pool[_-]?(max|min)|connection[_-]?limit|rate[_-]?limit[\\w-]*|ratelimit[\\w-]*|throttl[\\w-]*|concurrency([_-]?limit)?|backoff[\\w-]*|keep[_-]?alive[\\w-]*|[a-z]+[_-]?ttl|idle[_-]?timeout|grace[_-]?period[\\w-]*|burst([_-]?size|[_-]?limit)?|quota[\\w-]*|requests[_-]?per[_-]?[\\w-]+|circuit[_-]?breaker[\\w-]*|body[_-]?limit|request[_-]?limit|upload[_-]?limit|window[_-]?ms)|[\\w]*_(HOST|PORT|ENDPOINT|REGION|TTL|LIMIT|ENABLED|DISABLED|SIZE|CONCURRENCY|WORKERS)|(HOST|PORT|REGION|ENDPOINT)|FEATURE_\\w+|(NODE|APP|RAILS|FLASK|ASPNETCORE)_ENV|DEBUG|SPRING_PROFILES_ACTIVE)[\"']?$"))
((block_sequence_item (flow_node) @risk.config)
 (#match? @risk.config "(?-u)^[\"']?(?i:[\\w-]*(timeout|timeout[_-]?(ms|millis|seconds|secs?|sec|minutes)|retries|retry|retry[_-]?(count|limit|attempts|delay|interval|backoff|policy|strategy)|max[_-]?(retries[\\w-]*|attempts|connections|conns|pool[_-]?size|idle[\\w-]*|requests[\\w-]*|concurrency|concurrent[\\w-]*|body[_-]?size|payload[_-]?size|upload[_-]?size|request[_-]?size|file[_-]?size|message[_-]?size|workers|threads|sockets|queue[_-]?size|batch[_-]?size|memory|heap[\\w-]*|redirects|lifetime|wait[\\w-]*|keep[_-]?alive[\\w-]*|in[_-]?flight|open[_-]?files|rps|qps)|min[_-]?(connections|conns|idle|pool[_-]?size|workers|threads)|pool[_-]?size|pool[_-]?(max|min)|connection[_-]?limit|rate[_-]?limit[\\w-]*|ratelimit[\\w-]*|throttl[\\w-]*|concurrency([_-]?limit)?|backoff[\\w-]*|keep[_-]?alive[\\w-]*|[a-z]+[_-]?ttl|idle[_-]?timeout|grace[_-]?period[\\w-]*|burst([_-]?size|[_-]?limit)?|quota[\\w-]*|requests[_-]?per[_-]?[\\w-]+|circuit[_-]?breaker[\\w-]*|body[_-]?limit|request[_-]?limit|upload[_-]?limit|window[_-]?ms)|[\\w]*_(HOST|PORT|ENDPOINT|REGION|TTL|LIMIT|ENABLED|DISABLED|SIZE|CONCURRENCY|WORKERS)|(HOST|PORT|REGION|ENDPOINT)|FEATURE_\\w+|(NODE|APP|RAILS|FLASK|ASPNETCORE)_ENV|DEBUG|SPRING_PROFILES_ACTIVE)="))

; Timeouts, retries, limits, pool sizes, rate limits, probes' `timeoutSeconds`, grace periods,
; `backoffLimit`, health checks and probes, cron schedules, retention periods, CPU / memory /
; storage sizes and instance types, ingress-controller limits; debug and maintenance switches;
; feature-flag blocks of on/off switches; container `resources` with `limits` / `requests`;
; ConfigMap references. (GitHub Actions' `timeout-minutes` and test-runner timeouts are CI, not
; production behaviour.)
((block_mapping_pair
   key: (flow_node) @name
   value: (_) @sv) @risk.config
 (#match? @risk.config "(?-u)^[\"']?(?i:[\\w-]*(timeout|timeout[_-]?(ms|millis|seconds|secs?|sec|minutes)|retries|retry|retry[_-]?(count|limit|attempts|delay|interval|backoff|policy|strategy)|max[_-]?(retries[\\w-]*|attempts|connections|conns|pool[_-]?size|idle[\\w-]*|requests[\\w-]*|concurrency|concurrent[\\w-]*|body[_-]?size|payload[_-]?size|upload[_-]?size|request[_-]?size|file[_-]?size|message[_-]?size|workers|threads|sockets|queue[_-]?size|batch[_-]?size|memory|heap[\\w-]*|redirects|lifetime|wait[\\w-]*|keep[_-]?alive[\\w-]*|in[_-]?flight|open[_-]?files|rps|qps)|min[_-]?(connections|conns|idle|pool[_-]?size|workers|threads)|pool[_-]?size|pool[_-]?(max|min)|connection[_-]?limit|rate[_-]?limit[\\w-]*|ratelimit[\\w-]*|throttl[\\w-]*|concurrency[_-]?limit|backoff[\\w-]*|keep[_-]?alive[\\w-]*|[a-z]+[_-]?ttl|idle[_-]?timeout|grace[_-]?period[\\w-]*|burst([_-]?size|[_-]?limit)?|quota[\\w-]*|requests[_-]?per[_-]?[\\w-]+|circuit[_-]?breaker[\\w-]*|body[_-]?limit|request[_-]?limit|upload[_-]?limit|window[_-]?ms))[\"']?[ \\t]*:|^[\"']?(?i:concurrency)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?\\d|^[\"']?(?i:config[_-]?map[_-]?generator|[\\w-]*(timeout|wait)[_-]?duration|(poll|refresh|sync|heartbeat|scrape|evaluation|reconcile|resync|health[_-]?check)[_-]?interval|active[_-]?deadline[_-]?seconds|backoff[_-]?limit|env[_-]?file)[\"']?[ \\t]*:|^[\"']?(?i:debug|debug[_-]?mode|dev[_-]?mode|maintenance[_-]?mode|read[_-]?only([_-]?mode)?|node[_-]?env|app[_-]?env|rails[_-]?env|flask[_-]?env|django[_-]?settings[_-]?module|aspnetcore[_-]?environment|spring[_-]?profiles[_-]?active|active[_-]?profiles?)[\"']?[ \\t]*:[ \\t]*[\"']?[\\w.-]|^[\"']?(?i:feature[_-]?flags?|features|flags|toggles|feature[_-]?toggles|feature[_-]?switches|feature[_-]?management|experiments|rollouts?)[\"']?[ \\t]*:[ \\t]*(?:#[^\\n]*)?\\n[ \\t]*[\"']?[\\w.-]+[\"']?[ \\t]*:[ \\t]*((true|false|on|off|yes|no)\\b|[ \\t]*(#[^\\n]*)?\\n[ \\t]+[\"']?[\\w.-]+[\"']?[ \\t]*:)|^[\"']?(?i:resources)[\"']?[ \\t]*:[ \\t]*(?:#[^\\n]*)?\\n[ \\t]*(limits|requests)[ \\t]*:|^[\"']?(?i:(readiness|liveness|startup)[_-]?probe|health[_-]?check|ulimits|sysctls|backup[_-]?retention([_-]?period|[_-]?days)?|[\\w-]*retention[_-]?(days|period|hours|in[_-]?days)|[\\w-]*per[_-]?(second|sec|minute|min|hour|day)|[\\w.-]+/(proxy-body-size|proxy-[\\w-]*timeout|limit-[\\w-]+|client-max-body-size|proxy-buffer-size))[\"']?[ \\t]*:|^[\"']?(?i:schedule)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?[@\\d*]|^[\"']?(?i:[\\w-]*concurrency|[\\w-]*(workers|threads))[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?\\d|^[\"']?(?i:memory[_-]?(reservation|size|limit|mb|mib)|mem[_-]?limit|cpu[_-]?(units|limit)|ephemeral[_-]?storage|storage|allocated[_-]?storage|disk[_-]?size([_-]?gb)?|volume[_-]?size|vcpus?)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?\\d|^[\"']?(?i:instance[_-]?(type|class|size)|db[_-]?instance[_-]?class|machine[_-]?type|node[_-]?size|vm[_-]?size|cache[_-]?node[_-]?type)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?[A-Za-z]+\\d*[\\w-]*\\.[\\w.-]+")
 (#not-match? @name "(?-u)(?i)^(test|jest|mocha|jasmine|karma|spec|timeout-minutes$|retention-days$)|(^|_)TEST(_|$)")
 (#not-match? @sv "(?-u)^[\"']?[A-Za-z][A-Za-z']*( +[A-Za-z',.?!()-]+)+[\"']?$|^type[ \\t]*:[ \\t]*[\"']?(string|integer|number|boolean|object|array|null)[\"']?[ \\t]*(\\n|$)|^\\$ref[ \\t]*:|^(Type|Value|Export|Description|Default|AllowedValues|AllowedPattern|NoEcho|ConstraintDescription)[ \\t]*:|^(description|title)[ \\t]*:[^\\n]*\\n[ \\t]*type[ \\t]*:[ \\t]*[\"']?(string|integer|number|boolean|object|array|null)\\b|^(allOf|anyOf|oneOf|properties)[ \\t]*:"))

; =====================================================================================================
; auth: authentication, sessions, tokens, passwords, permission checks, access-control decisions
; =====================================================================================================

; OAuth / OIDC / SAML settings (Spring `issuer-uri`, `jwk-set-uri`, Dex `staticClients`), JWT
; issuer, audience and lifetimes, session and cookie security, ingress auth annotations,
; API Gateway `AuthorizationType`, basic auth, SSH login settings (`ssh_pwauth`, authorized keys,
; `PermitRootLogin yes`), OpenAPI `security` lists; and auth, session, cookie and anonymous-access
; blocks
; (not a translation file's `sessions:` block, whose first value is a quoted label).
((block_mapping_pair
   key: (flow_node) @name
   value: (_) @sv) @risk.auth
 (#match? @risk.auth "(?-u)^[\"']?(?i:oauth2?|oidc|openid([_.-]?connect)?|saml2?|sso|jwt|jwt[_.-]?(options|config|settings)|identity[_.-]?providers?|idp|authori[sz]ers?|authori[sz]ation[_.-]?type|auth[_.-]?type|auth[_.-]?mode|authentication[_.-]?(type|mode|method|scheme)s?|allow[_.-]?anonymous([_.-]?access)?|anonymous([_.-]?access)?|require[_.-]?auth[\\w-]*|issuer|issuer[_.-]?(url|uri)|audiences?|jwks[_.-]?(uri|url)|token[_.-]?(url|endpoint|expir[\\w-]*|lifetime|ttl)|authori[sz](e|ation)[_.-]?(url|endpoint)|redirect[_.-]?uris?|callback[_.-]?urls?|allowed[_.-]?redirect[\\w-]*|client[_.-]?id|public[_.-]?client|(standard|implicit)[_.-]?flow[_.-]?enabled|direct[_.-]?access[_.-]?grants[_.-]?enabled|grant[_.-]?types|pkce[\\w.-]*|expires[_.-]?in|access[_.-]?token[_.-]?(expir[\\w-]*|lifetime|lifespan|ttl)|refresh[_.-]?token[_.-]?(expir[\\w-]*|lifetime|lifespan|ttl)|session[_.-]?(timeout|lifetime|max[_.-]?age|expir[\\w-]*)|http[_.-]?only|same[_.-]?site|secure[_.-]?cookies?|cookie[_.-]?(secure|http[_.-]?only|same[_.-]?site|max[_.-]?age|domain)|csrf[\\w-]*|xsrf[\\w-]*|mfa[\\w-]*|two[_.-]?factor[\\w-]*|password[_.-]?polic[\\w-]*|login[_.-]?url|logout[_.-]?url|basic[_.-]?auth|htpasswd|api[_.-]?key[_.-]?required|security[_-]?schemes|security[_-]?definitions|jwk[_.-]?set[_.-]?uri|issuer[_.-]?uri|user[_.-]?info[_.-]?uri|allow[_.-]?sign[_.-]?up|disable[_.-]?login[_.-]?form|static[_.-]?clients|[\\w.-]+/auth-(url|signin|type|secret|realm|response-headers|snippet|method|cache-key)|ssh[_-]?pwauth|disable[_-]?root|ssh[_-]?authorized[_-]?keys|ssh[_-]?keys|(ansible\\.posix\\.)?authorized[_-]?key)[\"']?[ \\t]*:|^[^:\\n]+:[ \\t]*[^\\n]*?\\b(PermitRootLogin|PasswordAuthentication|PermitEmptyPasswords|ChallengeResponseAuthentication)\\s+yes\\b|^[^:\\n]+:[ \\t]*[|>][^\\n]*\\n(?s:.*?)\\b(PermitRootLogin|PasswordAuthentication|PermitEmptyPasswords|ChallengeResponseAuthentication)\\s+yes\\b|^[\"']?(?i:security)[\"']?[ \\t]*:[ \\t]*(\\[|(#[^\\n]*)?\\n[ \\t]*-[ \\t]*[\"']?[\\w-]+[\"']?[ \\t]*:)|^[\"']?(?i:auth|authentication|authorization|session|sessions|cookie|cookies|security|passport|anonymous)[\"']?[ \\t]*:[ \\t]*(?:#[^\\n]*)?\\n[ \\t]*[\"']?[\\w.-]+[\"']?[ \\t]*:")
 (#not-match? @risk.auth "(?-u)^[^\\n]*\\n([ \\t]*[\\w.-]+[ \\t]*:[ \\t]*(#[^\\n]*)?\\n)*[ \\t]*[\\w.-]+[ \\t]*:[ \\t]*[\"'][A-Za-z][^\"'\\n]* [^\"'\\n]*[\"'][ \\t]*(#[^\\n]*)?(\\n|$)")
 (#not-match? @sv "(?-u)^[\"']?[A-Za-z][A-Za-z']*( +[A-Za-z',.?!()-]+)+[\"']?$|^type[ \\t]*:[ \\t]*[\"']?(string|integer|number|boolean|object|array|null)[\"']?[ \\t]*(\\n|$)|^\\$ref[ \\t]*:|^(Type|Value|Export|Description|Default|AllowedValues|AllowedPattern|NoEcho|ConstraintDescription)[ \\t]*:|^(description|title)[ \\t]*:[^\\n]*\\n[ \\t]*type[ \\t]*:[ \\t]*[\"']?(string|integer|number|boolean|object|array|null)\\b|^(allOf|anyOf|oneOf|properties)[ \\t]*:"))

; =====================================================================================================
; data: destructive or schema-changing data operations
; =====================================================================================================

; Reclaim and deletion policies (`persistentVolumeReclaimPolicy: Delete`, CloudFormation
; `DeletionPolicy`), deletion protection and final snapshots, Hibernate `ddl-auto`, Flyway `clean`,
; Liquibase drop changes, SQL that drops, truncates or deletes (in `sql` / `query` values and
; scripts), and steps or commands that run migrations, drop databases, or delete data directories
; recursively (`rm -rf /var/lib/app/exports`; cleaning build output or caches is not).
((block_mapping_pair
   key: (flow_node) @name
   value: (_) @sv) @risk.data
 (#match? @risk.data "(?-u)^[\"']?(?i:synchroni[sz]e|drop[_-]?schema|migrations[_-]?run|auto[_-]?migrat[\\w-]*|ddl[_-]?auto|hbm2ddl[_-]?auto|hibernate\\.hbm2ddl\\.auto|drop[_-]?database|clean[_-]?disabled|clean[_-]?on[_-]?validation[_-]?error|deletion[_-]?policy|update[_-]?replace[_-]?policy|deletion[_-]?protection([_-]?enabled)?|skip[_-]?final[_-]?snapshot|final[_-]?snapshot[\\w-]*|delete[_-]?automated[_-]?backups|point[_-]?in[_-]?time[_-]?recovery[\\w-]*|force[_-]?destroy|prevent[_-]?destroy|reclaim[_-]?policy|persistent[_-]?volume[_-]?reclaim[_-]?policy|drop[_-]?table|drop[_-]?column|drop[_-]?index|truncate[_-]?table|delete[_-]?on[_-]?termination|drop[_-]?(view|sequence|procedure|foreign[_-]?key[_-]?constraint|unique[_-]?constraint|not[_-]?null[_-]?constraint|primary[_-]?key|all[_-]?foreign[_-]?key[_-]?constraints)|delete[_-]?policy)[\"']?[ \\t]*:|^[\"']?(?i:sql|[\\w-]*_sql|query|queries|statements?|ddl|up|down|init[_-]?(sql|script|db)|migration)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?\\s*(?i:drop\\s+(table|database|schema|index|view|column)|truncate\\s|delete\\s+from\\s|alter\\s+table\\s)|^[\"']?(?i:sql|[\\w-]*_sql|query|queries|statements?|ddl|up|down|init[_-]?(sql|script|db)|migration)[\"']?[ \\t]*:[ \\t]*[|>][^\\n]*\\n(?s:.*?)(?i:\\b(drop\\s+(table|database|schema|index|view|column)|truncate\\s|delete\\s+from\\s|alter\\s+table\\s))|^[\"']?(?i:run|runcmd|bootcmd|command|args|script|inline[_-]?script|cmd|entrypoint|shell|before_script|after_script|ansible\\.builtin\\.(shell|command))[\"']?[ \\t]*:(?s:.*?)(?i:\\b(migrate|migration:run|db:(drop|reset|migrate|push|seed|schema:load|rollback)|schema:(drop|sync)|dropdb|prisma\\s+db\\s+push|flyway\\s+(migrate|clean|repair)|liquibase\\s+(update|drop-all|rollback)|alembic\\s+(upgrade|downgrade)|knex\\s+migrate|drop\\s+(table|database|schema)|truncate\\s+table|delete\\s+from)\\b|\\brm\\s+-[a-zA-Z]*[rR][a-zA-Z]*\\s+(-[a-zA-Z-]+\\s+)*[\"']?(/var/(lib|www|data|backups?)/|/srv/|/data\\b|/mnt/|/home/[\\w.-]+/(data|uploads?|backups?)|\\$\\{?[A-Z_]*(DATA|UPLOAD|BACKUP|STORAGE|MEDIA)[A-Z_]*\\}?|[\\w./$-]*\\b(data|uploads?|backups?|storage|db|database|media|volumes?|exports?)\\b))")
)

; =====================================================================================================
; deploy: CI/CD pipelines, infrastructure as code, containers, rollouts, scaling, process execution
; =====================================================================================================

; Replicas and autoscaling bounds, disruption budgets, rollout strategies (not a CI `matrix`
; strategy), the image a container runs (not a picture in a page's front matter) and kustomize
; `newTag`, deployment environments (GitHub Actions and GitLab `environment`, GitLab
; `stage: deploy`, Azure Pipelines `deployment` jobs and deploy tasks), deploy / release / publish
; jobs, a checkout of a pull request's head (untrusted code), actions that deploy, release or
; obtain cloud credentials, and steps, commands and tasks that deploy, publish, pipe a download
; into a shell, or drive cloud and cluster CLIs.
((block_mapping_pair
   key: (flow_node) @name
   value: (_) @sv) @risk.deploy
 (#match? @risk.deploy "(?-u)^[\"']?(?i:container[_-]?definitions|task[_-]?definition([_-]?arn)?|desired[_-]?count|desired[_-]?capacity|replicas|replica[_-]?count|min[_-]?replicas|max[_-]?replicas|min[_-]?capacity|max[_-]?capacity|instance[_-]?count|scaling[_-]?(config|policy|configuration)|auto[_-]?scaling[\\w-]*|deployment[_-]?(configuration|config|strategy|controller|circuit[_-]?breaker)|rollout[\\w-]*|canary[\\w-]*|blue[_-]?green[\\w-]*|rolling[_-]?update|update[_-]?strategy|maximum[_-]?percent|minimum[_-]?healthy[_-]?percent|deploy|replica[_-]?count|new[_-]?tag|min[_-]?available|max[_-]?unavailable|max[_-]?surge|revision[_-]?history[_-]?limit|progress[_-]?deadline[_-]?seconds|helm[_-]?release)[\"']?[ \\t]*:|^[\"']?(?i:strategy)[\"']?[ \\t]*:[ \\t]*(?:#[^\\n]*)?\\n[ \\t]*(?i:type|rolling[_-]?update|canary|blue[_-]?green|recreate|run[_-]?once|rolling)[ \\t]*:|^[\"']?(?i:image)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?[\\w.-]+(:\\d+)?(/[\\w.-]+)*(:[\\w.-]+)?(@sha256:[a-f0-9]+)?[\"']?[ \\t]*$|^[\"']?(?i:image)[\"']?[ \\t]*:[ \\t]*(?:#[^\\n]*)?\\n[ \\t]*(repository|registry|tag|name)[ \\t]*:|^[\"']?(?i:environment)[\"']?[ \\t]*:[ \\t]*([A-Za-z\"'$]|(#[^\\n]*)?\\n[ \\t]+(name|url|on_stop|deployment_tier|kubernetes|action)[ \\t]*:)|^[\"']?(?i:stage)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?(deploy|release|production|prod)\\b|^[\"']?(?i:ref)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?\\$\\{\\{\\s*(github\\.event\\.pull_request\\.head\\.(sha|ref)|github\\.head_ref)\\b|^[\"']?(?i:deploy[_-][\\w-]+|[\\w-]+[_-]deploy|release|publish|rollout|promote[\\w-]*)[\"']?[ \\t]*:[ \\t]*(?:#[^\\n]*)?\\n|^[\"']?(?i:task)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?(Azure[\\w]*|Kubernetes[\\w]*|HelmDeploy|HelmInstaller|Docker|DockerCompose|TerraformTask[\\w]*|AWSShellScript|ECSDeploy|S3Upload|CloudFormation[\\w]*|IISWebAppDeploymentOnMachineGroup)@|^[\"']?(?i:deployment)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?[\\w-]|^[\"']?(?i:uses)[\"']?[ \\t]*:[ \\t]*(?:!\\S*[ \\t]+)?[\"']?[\\w./-]*?(?i:[\\w.-]*deploy[\\w.-]*|[\\w.-]*release[\\w.-]*|[\\w.-]*publish[\\w.-]*|peaceiris/actions-gh-pages|docker/(build-push-action|login-action)|aws-actions/(amazon-ecs-[\\w-]+|amazon-ecr-login|configure-aws-credentials)|azure/(login|webapps-deploy|k8s-deploy|aks-set-context)|google-github-actions/(auth|deploy-[\\w-]+|get-gke-credentials)|hashicorp/setup-terraform|pulumi/actions|superfly/flyctl-actions|azure/setup-kubectl|helm/[\\w-]+)(@|/|[\"\\']?[ \\t]*$)|^[\"']?(?i:run|runcmd|bootcmd|command|args|script|inline[_-]?script|cmd|entrypoint|shell|before_script|after_script|ansible\\.builtin\\.(shell|command))[\"']?[ \\t]*:(?s:.*?)(?i:\\b(curl|wget)\\b[^|]*\\|\\s*(sudo\\s+)?(ba|z|da)?sh\\b|\\bkubectl\\s+(apply|delete|rollout|scale|set|patch|replace|create|drain)|\\bhelm\\s+(install|upgrade|uninstall|rollback)|\\bterraform\\s+(apply|destroy)|\\bdocker\\s+(push|login)|\\baws\\s+(s3\\s+(sync|cp|rm)|ecs|ecr|cloudformation|lambda|deploy)|\\bgcloud\\s+(app|run|functions)\\s+deploy|\\b(npm|yarn|pnpm)\\s+publish|\\b(firebase|netlify|serverless|sls|cdk|sam|eb|fly|flyctl|wrangler|vercel)\\s+deploy|\\bvercel\\s+--prod|\\bsemantic-release\\b|\\bchangeset\\s+publish|\\blerna\\s+publish|\\bgh-pages\\b|\\bgit\\s+push\\b|\\bssh\\s|\\bscp\\s|\\brsync\\s|\\baz\\s+(webapp|functionapp|aks|acr|containerapp|deployment|staticwebapp)\\s|\\bgcloud\\s+(run|app|functions)\\s+deploy|\\bgcloud\\s+container\\s+clusters\\s+get-credentials)")
 (#not-match? @risk.deploy "(?-u)(?i)^[\"']?image[\"']?[ \\t]*:[ \\t]*[\"']?[^\\n]*\\.(png|jpe?g|gif|svg|webp|ico)[\"']?[ \\t]*$")
)
