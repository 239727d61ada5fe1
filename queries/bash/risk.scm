; Risk queries for Bash and other shell scripts. Capture names say the category: @risk.<category>;
; @name names the hotspot.
;
; Conventions used below:
; - The hotspot is usually the `command` node: `rm -rf "$DIR"`, `kubectl delete ns prod`,
;   `iptables -A INPUT ..`. A `curl .. | sh` is the `pipeline`; a write into a sensitive file with
;   `>`/`>>` is the `redirected_statement`; a credential is the `variable_assignment`; SQL and
;   policies are the string or heredoc body that holds them.
; - A command pattern first checks the command's name with a cheap anchored regex (the program, by
;   its basename, or a wrapper that runs another program: `sudo`, `xargs`, `env`, `nohup`,
;   `timeout`, ...), then matches the command's whole text with one regex per category, so
;   `sudo -E kubectl --context prod delete ns x`, `find . -exec rm -rf {} +` and
;   `xargs rm -rf` are read the way the shell runs them. `\s` and `\\` both separate words, so
;   commands continued over several lines with a trailing backslash match too. Subcommands must
;   stand alone as words: `kubectl get -f apply.yaml` is not `kubectl apply`.
; - One pattern per category and kind keeps the query quick to compile; the Bash grammar is large
;   and every pattern costs about a millisecond at start-up.
; - Every regex starts with `(?-u)`: ASCII classes compile several times faster than Unicode ones.
;   Backslashes are doubled because these are query strings.
; - There is no `memory` category for shell scripts: they have no memory-safety escapes.

; =====================================================================================================
; deploy: CI/CD, infrastructure as code, containers, rollouts, scaling, process execution
; =====================================================================================================

; Deployments, rollouts, scaling and infrastructure changes; containers; services started, stopped
; and enabled; packages published; commands run on or files copied to other hosts.
((command name: (command_name) @n) @risk.deploy
 (#match? @n "(?-u)(^|/)(kubectl|oc|helm|terraform|tofu|terragrunt|pulumi|cdk|cdktf|serverless|sls|sam|eksctl|gcloud|aws|az|fly|flyctl|vercel|netlify|heroku|firebase|wrangler|ansible-playbook|argocd|flux|skaffold|nomad|docker|podman|nerdctl|docker-compose|systemctl|service|launchctl|shutdown|reboot|halt|poweroff|init|npm|yarn|pnpm|cargo|twine|gem|gh|goreleaser|crontab|mvn|gradle|ssh|scp|rsync|kustomize|kn|kubectl-argo-rollouts|sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)$")
 (#match? @risk.deploy "(?-u)(?s)^(?:\\w+=[^\\s\\\\]*[\\s\\\\]+)*(?:(?:\\S*/)?(?:sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)(?:[\\s\\\\]+(?:-[a-zA-Z]*[ugnIdPLCw][\\s\\\\]+[^\\s\\\\]+|-[^\\s\\\\]*|\\w+=[^\\s\\\\]*|\\d[\\w.]*))*[\\s\\\\]+)*(?:(?:\\S*/)?(?:bundle|npx|pnpm|yarn|poetry|pipenv|uv|pdm|hatch|python[0-9.]*|php|node|ruby|dotnet)(?:[\\s\\\\]+(?:exec|run|dlx|-m))?[\\s\\\\]+)?(?:\\S*/)?(?:(?:kubectl|oc|kn)(?:[\\s\\\\]+(?:-n|-c|-l|-o|-s|--namespace|--context|--kubeconfig|--cluster|--user|--server|--token|--as|--as-group|--request-timeout)(?:[\\s\\\\]+|=)[^\\s\\\\]+|[\\s\\\\]+-[^\\s\\\\]*)*[\\s\\\\]+(?:apply|delete|scale|rollout[\\s\\\\]+(?:restart|undo|pause|resume)|set|patch|replace|create|edit|drain|cordon|uncordon|taint|run|exec|autoscale|annotate|label|debug|new-app|start-build)(?:[\\s\\\\]|$)|helm(?:[\\s\\\\].*?)?[\\s\\\\](?:install|upgrade|uninstall|delete|del|rollback)(?:[\\s\\\\]|$)|(?:terraform|tofu|terragrunt)(?:[\\s\\\\].*?)?[\\s\\\\](?:apply|destroy|import|taint|untaint|force-unlock|state[\\s\\\\]+(?:rm|mv|push|replace-provider)|workspace[\\s\\\\]+delete|run-all)(?:[\\s\\\\]|$)|pulumi(?:[\\s\\\\].*?)?[\\s\\\\](?:up|update|destroy|refresh|cancel|import)(?:[\\s\\\\]|$)|(?:cdk|cdktf)(?:[\\s\\\\].*?)?[\\s\\\\](?:deploy|destroy)(?:[\\s\\\\]|$)|(?:serverless|sls)(?:[\\s\\\\].*?)?[\\s\\\\](?:deploy|remove|rollback)(?:[\\s\\\\]|$)|sam(?:[\\s\\\\].*?)?[\\s\\\\](?:deploy|delete|sync)(?:[\\s\\\\]|$)|eksctl(?:[\\s\\\\].*?)?[\\s\\\\](?:create|delete|scale|upgrade|drain|utils)(?:[\\s\\\\]|$)|gcloud(?:[\\s\\\\].*?)?[\\s\\\\](?:(?:run|app|functions)[\\s\\\\]+(?:services[\\s\\\\]+)?(?:deploy|update|delete|update-traffic)|container[\\s\\\\]+clusters[\\s\\\\]+(?:create|delete|resize|upgrade|update)|compute[\\s\\\\]+instances[\\s\\\\]+(?:create|delete|stop|reset|start)|compute[\\s\\\\]+instance-groups[\\s\\\\]+managed[\\s\\\\]+(?:resize|rolling-action)|builds[\\s\\\\]+submit|deploy[\\s\\\\]+releases[\\s\\\\]+(?:create|promote))(?:[\\s\\\\]|$)|aws(?:[\\s\\\\].*?)?[\\s\\\\](?:ecs[\\s\\\\]+(?:update-service|run-task|register-task-definition|delete-service|create-service|stop-task)|lambda[\\s\\\\]+(?:update-function-code|update-function-configuration|publish-version|update-alias|create-function|delete-function)|cloudformation[\\s\\\\]+(?:deploy|create-stack|update-stack|delete-stack|execute-change-set|create-change-set)|deploy[\\s\\\\]+create-deployment|autoscaling[\\s\\\\]+(?:set-desired-capacity|update-auto-scaling-group|start-instance-refresh)|ec2[\\s\\\\]+(?:run-instances|terminate-instances|stop-instances|reboot-instances|start-instances)|eks[\\s\\\\]+(?:update|create|delete)-\\S+|elasticbeanstalk[\\s\\\\]+(?:update-environment|create-application-version)|apprunner[\\s\\\\]+(?:start-deployment|update-service))(?:[\\s\\\\]|$)|az(?:[\\s\\\\].*?)?[\\s\\\\](?:(?:webapp|functionapp)[\\s\\\\]+(?:deploy|up|create|delete|restart|stop|deployment)|aks[\\s\\\\]+(?:create|delete|scale|upgrade|nodepool)|deployment[\\s\\\\]+(?:group|sub|mg|tenant)[\\s\\\\]+create|containerapp[\\s\\\\]+(?:up|update|create)|vm[\\s\\\\]+(?:create|delete|deallocate|restart))(?:[\\s\\\\]|$)|(?:fly|flyctl)(?:[\\s\\\\].*?)?[\\s\\\\](?:deploy|scale|machine[\\s\\\\]+(?:run|destroy)|apps[\\s\\\\]+destroy)(?:[\\s\\\\]|$)|vercel(?:[\\s\\\\].*?)?[\\s\\\\](?:--prod|deploy)(?:[\\s\\\\]|$)|netlify(?:[\\s\\\\].*?)?[\\s\\\\](?:deploy)(?:[\\s\\\\]|$)|heroku(?:[\\s\\\\].*?)?[\\s\\\\](?:container:release|releases:rollback|ps:scale|ps:restart|apps:destroy)(?:[\\s\\\\]|$)|firebase(?:[\\s\\\\].*?)?[\\s\\\\](?:deploy)(?:[\\s\\\\]|$)|wrangler(?:[\\s\\\\].*?)?[\\s\\\\](?:deploy|publish)(?:[\\s\\\\]|$)|ansible-playbook(?:[\\s\\\\]|$)|argocd(?:[\\s\\\\].*?)?[\\s\\\\](?:app[\\s\\\\]+(?:sync|rollback|delete|set|create|actions))(?:[\\s\\\\]|$)|flux(?:[\\s\\\\].*?)?[\\s\\\\](?:reconcile|bootstrap|resume|suspend)(?:[\\s\\\\]|$)|skaffold(?:[\\s\\\\].*?)?[\\s\\\\](?:run|deploy|delete)(?:[\\s\\\\]|$)|nomad(?:[\\s\\\\].*?)?[\\s\\\\](?:job[\\s\\\\]+(?:run|stop|revert|dispatch)|run|stop)(?:[\\s\\\\]|$)|kubectl-argo-rollouts(?:[\\s\\\\].*?)?[\\s\\\\](?:promote|abort|retry|undo|set)(?:[\\s\\\\]|$)|(?:docker|podman|nerdctl)(?:[\\s\\\\].*?)?[\\s\\\\](?:run|push|build|stop|rm|kill|restart|exec|create|start|stack[\\s\\\\]+(?:deploy|rm)|service[\\s\\\\]+(?:create|update|scale|rm|rollback)|swarm|compose[\\s\\\\]+(?:up|down|restart|rm|push|build|run)|buildx[\\s\\\\]+build|image[\\s\\\\]+push)(?:[\\s\\\\]|$)|docker-compose(?:[\\s\\\\].*?)?[\\s\\\\](?:up|down|restart|rm|run|build|push)(?:[\\s\\\\]|$)|systemctl(?:[\\s\\\\].*?)?[\\s\\\\](?:start|stop|restart|reload|enable|disable|mask|unmask|daemon-reload|kill|isolate|try-restart|reload-or-restart)(?:[\\s\\\\]|$)|service[\\s\\\\]+\\S+[\\s\\\\]+(?:start|stop|restart|reload|force-reload)(?:[\\s\\\\]|$)|launchctl(?:[\\s\\\\].*?)?[\\s\\\\](?:load|unload|bootstrap|bootout|kickstart|enable|disable)(?:[\\s\\\\]|$)|(?:shutdown|reboot|halt|poweroff)(?:[\\s\\\\]|$)|init[\\s\\\\]+[06](?:[\\s\\\\]|$)|(?:npm|pnpm)(?:[\\s\\\\].*?)?[\\s\\\\](?:publish|unpublish|deprecate|dist-tag)(?:[\\s\\\\]|$)|yarn(?:[\\s\\\\].*?)?[\\s\\\\](?:npm[\\s\\\\]+)?publish(?:[\\s\\\\]|$)|cargo(?:[\\s\\\\].*?)?[\\s\\\\](?:publish|yank)(?:[\\s\\\\]|$)|twine(?:[\\s\\\\].*?)?[\\s\\\\](?:upload)(?:[\\s\\\\]|$)|gem(?:[\\s\\\\].*?)?[\\s\\\\](?:push|yank)(?:[\\s\\\\]|$)|gh(?:[\\s\\\\].*?)?[\\s\\\\](?:release[\\s\\\\]+(?:create|upload|delete|edit)|workflow[\\s\\\\]+run)(?:[\\s\\\\]|$)|goreleaser(?:[\\s\\\\]|$)|crontab[\\s\\\\]+(?:-r|-|[^-\\s\\\\]\\S*)[\\s\\\\]*$|mvn(?:[\\s\\\\].*?)?[\\s\\\\]deploy(?:[\\s\\\\]|$)|gradle(?:[\\s\\\\].*?)?[\\s\\\\]publish\\w*(?:[\\s\\\\]|$)|ssh[\\s\\\\](?:.*[\\s\\\\])?[\\w.-]+@[\\w.-]+[\\s\\\\]+[\"\\'\\w$]|(?:scp|rsync)[\\s\\\\](?:.*[\\s\\\\])?(?:[\\w.-]+@)?[\\w.-]+:\\S*)"))

; Remote code run straight from the network: `curl .. | sh`, `wget -O- .. | sudo bash`.
; The download and the shell are adjacent, or one stage apart (`curl .. | tee install.sh | sh`);
; anchoring the stages keeps a pipeline of hundreds of stages linear.
(pipeline
  (command name: (command_name) @dl)
  .
  (command)?
  .
  (command) @sh
  (#match? @dl "(?-u)(^|/)(curl|wget|fetch|http|iwr|irm)$")
  (#match? @sh "(?-u)^(?:(?:sudo|doas)(?:[\\s\\\\]+-\\S+)*[\\s\\\\]+)?(?:env[\\s\\\\]+\\S+[\\s\\\\]+)?(?:\\S*/)?(?:sh|bash|zsh|dash|ksh|fish|python[0-9.]*|perl|ruby|node|php|pwsh|powershell|iex|source)(?:[\\s\\\\]|$)")) @risk.deploy
; ...and `bash <(curl ..)`, `sh -c "$(curl ..)"`, `eval "$(wget -qO- ..)"`.
(command
  name: (command_name) @n
  argument: [
    (process_substitution (command name: (command_name) @dl))
    (string (command_substitution (command name: (command_name) @dl)))
    (command_substitution (command name: (command_name) @dl))
  ]
  (#match? @n "(?-u)(^|/)(sh|bash|zsh|dash|ksh|source|\\.|eval|python[0-9.]*|perl|ruby|node)$")
  (#match? @dl "(?-u)(^|/)(curl|wget|fetch)$")) @risk.deploy

; Functions that deploy, roll out, roll back, release or scale.
(function_definition
  name: (word) @name
  (#match? @name "(?-u)(?i)^(deploy|redeploy|rollout|roll_out|rollback|roll_back|release|promote|canary|provision|scale|helm|kubectl|terraform|tf)(_|-|$)|(_|-)(deploy|deployment|redeploy|rollout|rollback|release|canary|provision)$|^(scale|restart)(_|-)\\w*(deployment|service|replicas|workers|pods?|nodes?|cluster)s?$")) @risk.deploy

; =====================================================================================================
; data: destructive or schema-changing data operations: DELETE, DROP, TRUNCATE, migrations,
; recursive deletes
; =====================================================================================================

; Recursive deletes, also through `find -delete`, `find -exec rm` and `xargs rm -r`; not the clean-up of
; temporary, cache or build directories (`rm -rf "$tmpdir"`, `rm -rf build dist`).
((command name: (command_name) @n) @risk.data
 (#match? @n "(?-u)(^|/)(rm|find|sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)$")
 (#match? @risk.data "(?-u)(?s)^(?:\\w+=[^\\s\\\\]*[\\s\\\\]+)*(?:(?:\\S*/)?(?:sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)(?:[\\s\\\\]+(?:-[a-zA-Z]*[ugnIdPLCw][\\s\\\\]+[^\\s\\\\]+|-[^\\s\\\\]*|\\w+=[^\\s\\\\]*|\\d[\\w.]*))*[\\s\\\\]+)*(?:(?:\\S*/)?(?:bundle|npx|pnpm|yarn|poetry|pipenv|uv|pdm|hatch|python[0-9.]*|php|node|ruby|dotnet)(?:[\\s\\\\]+(?:exec|run|dlx|-m))?[\\s\\\\]+)?(?:\\S*/)?(?:rm(?:[\\s\\\\]+\\S+)*?[\\s\\\\]+(?:-[a-zA-Z]*[rR][a-zA-Z]*|--recursive)(?:[\\s\\\\]|$)|find[\\s\\\\].*?[\\s\\\\](?:-delete|-exec[\\s\\\\]+(?:\\S*/)?rm[\\s\\\\]))")
 (#not-match? @risk.data "(?-u)(?i)^[^|;&]*?[\\s\\\\](?:-[a-zA-Z]*[rRf][a-zA-Z]*[\\s\\\\]+|--[\\s\\\\]+)*(?:[\"\\']?\\$\\{?\\w*(?:tmp|temp|cache|build|work)\\w*\\}?[\"\\']?/?|[\"\\']?(?:\\./)?(?:build|dist|target|out|node_modules|__pycache__|\\.cache|\\.pytest_cache|coverage|\\S*\\.egg-info|/tmp/\\S*)/?[\"\\']?)(?:[\\s\\\\]+(?:[\"\\']?\\$\\{?\\w*(?:tmp|temp|cache|build|work)\\w*\\}?[\"\\']?/?|[\"\\']?(?:\\./)?(?:build|dist|target|out|node_modules|__pycache__|\\.cache|\\.pytest_cache|coverage|\\S*\\.egg-info|/tmp/\\S*)/?[\"\\']?))*[\\s\\\\]*$|-name[\\s\\\\]+[\"\\']?\\*?\\.(?:pyc|pyo|orig|rej|tmp)\\b"))

; Disk wipes, destructive SQL run through a client, migrations, buckets and
; databases deleted through a cloud CLI, volumes pruned, history rewritten.
((command name: (command_name) @n) @risk.data
 (#match? @n "(?-u)(^|/)(dd|mkfs|mkfs\\.ext2|mkfs\\.ext3|mkfs\\.ext4|mkfs\\.xfs|mkfs\\.btrfs|mkfs\\.vfat|mkfs\\.fat|mke2fs|wipefs|shred|fdisk|sfdisk|parted|sgdisk|blkdiscard|dropdb|psql|mysql|mariadb|sqlite3|mongo|mongosh|cqlsh|clickhouse-client|sqlcmd|snowsql|bq|cockroach|redis-cli|mysqladmin|alembic|flyway|liquibase|migrate|goose|dbmate|rails|rake|bundle|python|python3|npx|yarn|pnpm|npm|prisma|knex|sequelize|sequelize-cli|diesel|sqlx|atlas|php|poetry|pipenv|uv|aws|gsutil|gcloud|az|docker|podman|docker-compose|pg_restore|git|sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)$")
 (#match? @risk.data "(?-u)(?s)^(?:\\w+=[^\\s\\\\]*[\\s\\\\]+)*(?:(?:\\S*/)?(?:sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)(?:[\\s\\\\]+(?:-[a-zA-Z]*[ugnIdPLCw][\\s\\\\]+[^\\s\\\\]+|-[^\\s\\\\]*|\\w+=[^\\s\\\\]*|\\d[\\w.]*))*[\\s\\\\]+)*(?:(?:\\S*/)?(?:bundle|npx|pnpm|yarn|poetry|pipenv|uv|pdm|hatch|python[0-9.]*|php|node|ruby|dotnet)(?:[\\s\\\\]+(?:exec|run|dlx|-m))?[\\s\\\\]+)?(?:\\S*/)?(?:dd[\\s\\\\].*\\bof=/dev/|(?:mkfs(?:\\.\\w+)?|mke2fs|wipefs|shred|fdisk|sfdisk|parted|sgdisk|blkdiscard|dropdb)(?:[\\s\\\\]|$)|(?:psql|mysql|mariadb|sqlite3|mongo|mongosh|cqlsh|clickhouse-client|sqlcmd|snowsql|cockroach)[\\s\\\\].*(?i:drop\\s+(?:table|database|schema|index|view|collection|keyspace|owned)|delete\\s+from|truncate(?:\\s+table)?\\s+[\\w\"`]|alter\\s+table|\\.drop(?:Database)?\\(|\\.deleteMany\\(|\\.remove\\(\\{)|bq[\\s\\\\]+rm(?:[\\s\\\\]|$)|redis-cli[\\s\\\\].*(?i:flushall|flushdb)|mysqladmin[\\s\\\\].*[\\s\\\\]drop(?:[\\s\\\\]|$)|pg_restore[\\s\\\\](?:.*[\\s\\\\])?(?:-c|--clean)(?:[\\s\\\\]|$)|alembic(?:[\\s\\\\].*?)?[\\s\\\\](?:upgrade|downgrade|stamp)(?:[\\s\\\\]|$)|flyway(?:[\\s\\\\].*?)?[\\s\\\\](?:migrate|clean|repair|undo|baseline)(?:[\\s\\\\]|$)|liquibase(?:[\\s\\\\].*?)?[\\s\\\\](?:update|rollback|dropAll|drop-all|update-sql)(?:[\\s\\\\]|$)|migrate(?:[\\s\\\\].*?)?[\\s\\\\](?:up|down|drop|force|goto)(?:[\\s\\\\]|$)|goose(?:[\\s\\\\].*?)?[\\s\\\\](?:up|down|reset|redo|up-to|down-to)(?:[\\s\\\\]|$)|dbmate(?:[\\s\\\\].*?)?[\\s\\\\](?:up|down|drop|migrate|rollback)(?:[\\s\\\\]|$)|(?:rails|rake)(?:[\\s\\\\].*?)?[\\s\\\\]db:(?:migrate|drop|reset|rollback|schema:load|setup|seed:replant|purge|truncate_all)\\S*(?:[\\s\\\\]|$)|manage\\.py[\\s\\\\]+(?:migrate|flush|sqlflush|reset_db)(?:[\\s\\\\]|$)|artisan[\\s\\\\]+(?:migrate|db:wipe)\\S*(?:[\\s\\\\]|$)|prisma[\\s\\\\]+(?:migrate[\\s\\\\]+(?:deploy|reset|dev)|db[\\s\\\\]+push)(?:[\\s\\\\]|$)|knex[\\s\\\\]+migrate:\\w+|sequelize(?:-cli)?[\\s\\\\]+db:(?:migrate|drop|seed:undo)\\S*|diesel[\\s\\\\]+(?:migration[\\s\\\\]+(?:run|redo|revert)|database[\\s\\\\]+reset)(?:[\\s\\\\]|$)|sqlx[\\s\\\\]+(?:migrate[\\s\\\\]+(?:run|revert)|database[\\s\\\\]+(?:drop|reset))(?:[\\s\\\\]|$)|atlas[\\s\\\\]+(?:schema|migrate)[\\s\\\\]+apply(?:[\\s\\\\]|$)|aws(?:[\\s\\\\].*?)?[\\s\\\\](?:s3[\\s\\\\]+(?:rm[\\s\\\\].*--recursive|rb|sync[\\s\\\\].*--delete)|s3api[\\s\\\\]+delete-(?:bucket|objects)|rds[\\s\\\\]+delete-db-\\S+|dynamodb[\\s\\\\]+delete-table|backup[\\s\\\\]+delete-\\S+|ec2[\\s\\\\]+delete-(?:volume|snapshot)|efs[\\s\\\\]+delete-file-system|elasticache[\\s\\\\]+delete-\\S+)(?:[\\s\\\\]|$)|gsutil(?:[\\s\\\\].*?)?[\\s\\\\](?:rm|rb)(?:[\\s\\\\]|$)|gcloud(?:[\\s\\\\].*?)?[\\s\\\\](?:sql[\\s\\\\]+(?:databases|instances)[\\s\\\\]+delete|storage[\\s\\\\]+rm|spanner[\\s\\\\]+databases[\\s\\\\]+delete|firestore[\\s\\\\]+bulk-delete)(?:[\\s\\\\]|$)|az(?:[\\s\\\\].*?)?[\\s\\\\](?:storage[\\s\\\\]+(?:blob|container)[\\s\\\\]+delete(?:-batch)?|sql[\\s\\\\]+db[\\s\\\\]+delete|cosmosdb[\\s\\\\].*delete)(?:[\\s\\\\]|$)|(?:docker|podman)(?:[\\s\\\\].*?)?[\\s\\\\](?:volume[\\s\\\\]+(?:rm|prune)|system[\\s\\\\]+prune)(?:[\\s\\\\]|$)|(?:docker-compose|docker[\\s\\\\]+compose)[\\s\\\\]+down[\\s\\\\](?:.*[\\s\\\\])?(?:-v|--volumes)(?:[\\s\\\\]|$)|git(?:[\\s\\\\].*?)?[\\s\\\\](?:clean[\\s\\\\]+-[a-zA-Z]*f|push[\\s\\\\](?:.*[\\s\\\\])?(?:--force|-f|--mirror|--delete)|reset[\\s\\\\]+--hard)(?:[\\s\\\\]|$))"))

; SQL that drops, deletes, truncates or changes the schema, in a string or a heredoc body. Lowercase
; SQL counts when it starts the string or a line, or follows a `;`.
([(string) (raw_string) (heredoc_body)] @risk.data
 (#match? @risk.data "(?-u)(?im)(^|[\"';])\\s*(drop\\s+(table|database|schema|index|view|column|constraint|type|trigger|function|extension|sequence|materialized\\s+view|collection|keyspace|owned)\\b|delete\\s+from\\s|truncate(\\s+table)?\\s+[\\w\"`]|alter\\s+(table|database|schema|index|type|sequence|view)\\s|create\\s+(unique\\s+)?(table|index|schema|database|type|view|materialized\\s+view|extension|trigger|sequence)\\b|rename\\s+table\\s|flushall\\b|flushdb\\b)|(?-i:\\b(DROP (TABLE|DATABASE|SCHEMA|INDEX|COLUMN|VIEW)|DELETE FROM|TRUNCATE TABLE|ALTER TABLE)\\b)|\\bdb\\.\\w+\\.(drop|deleteMany|remove)\\(|\\bdb\\.dropDatabase\\("))

; Functions that migrate, drop, wipe, purge or restore over data.
(function_definition
  name: (word) @name
  (#match? @name "(?-u)(?i)^((run|apply|revert|undo|do)(_|-))?migrat(e|ions?)$|^(run|apply|revert|undo|rollback)(_|-)\\w*migrations?$|^migrate(_|-)\\w+$|^(drop|truncate|wipe|nuke|purge|reset|restore|clean)(_|-)(db|database|data|all|tables?|schema|storage|volumes?|buckets?|\\w*_db|\\w*_data)$|^(delete|purge|remove)(_|-)all(_\\w+)?$")) @risk.data

; =====================================================================================================
; iam: roles, policies, grants, RBAC, privilege changes, service accounts
; =====================================================================================================

; Privilege: sudo and su; IAM, ACLs and RBAC through cloud and cluster CLIs; file modes that make
; things world-writable, setuid or recursive (`chmod 777`, `chmod -R`, `chmod u+s`), ownership,
; users and groups; privileged containers.
((command name: (command_name) @n) @risk.iam
 (#match? @n "(?-u)(^|/)(su|pkexec|aws|gcloud|gsutil|az|kubectl|oc|vault|chmod|chown|chgrp|setfacl|setcap|chattr|usermod|useradd|userdel|adduser|deluser|addgroup|delgroup|groupadd|groupmod|groupdel|gpasswd|passwd|chpasswd|chage|visudo|newgrp|docker|podman|nerdctl|mc|sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)$")
 (#match? @risk.iam "(?-u)(?s)^(?:\\w+=[^\\s\\\\]*[\\s\\\\]+)*(?:(?:\\S*/)?(?:sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)(?:[\\s\\\\]+(?:-[a-zA-Z]*[ugnIdPLCw][\\s\\\\]+[^\\s\\\\]+|-[^\\s\\\\]*|\\w+=[^\\s\\\\]*|\\d[\\w.]*))*[\\s\\\\]+)*(?:(?:\\S*/)?(?:bundle|npx|pnpm|yarn|poetry|pipenv|uv|pdm|hatch|python[0-9.]*|php|node|ruby|dotnet)(?:[\\s\\\\]+(?:exec|run|dlx|-m))?[\\s\\\\]+)?(?:\\S*/)?(?:(?:sudo|doas|su|pkexec|runuser)(?:[\\s\\\\]|$)|aws(?:[\\s\\\\].*?)?[\\s\\\\](?:iam|sts[\\s\\\\]+assume-role\\S*|s3api[\\s\\\\]+(?:put|delete)-(?:bucket-policy|bucket-acl|object-acl|public-access-block)|kms[\\s\\\\]+(?:create-grant|put-key-policy|revoke-grant)|lambda[\\s\\\\]+(?:add|remove)-permission|ecr[\\s\\\\]+set-repository-policy|organizations|sso-admin|(?:sns|sqs)[\\s\\\\]+add-permission)(?:[\\s\\\\]|$)|gcloud(?:[\\s\\\\].*?)?[\\s\\\\](?:\\S+-iam-policy-binding|set-iam-policy|iam)(?:[\\s\\\\]|$)|gsutil(?:[\\s\\\\].*?)?[\\s\\\\](?:iam|acl|defacl)[\\s\\\\]+(?:ch|set)(?:[\\s\\\\]|$)|az(?:[\\s\\\\].*?)?[\\s\\\\](?:role[\\s\\\\]+(?:assignment|definition)[\\s\\\\]+(?:create|delete|update)|ad[\\s\\\\]+(?:sp[\\s\\\\]+create-for-rbac|(?:app|sp|group|user)[\\s\\\\]+(?:create|delete|owner|member|credential))|keyvault[\\s\\\\]+(?:set|delete)-policy)(?:[\\s\\\\]|$)|(?:kubectl|oc|kn)(?:[\\s\\\\]+(?:-n|-c|-l|-o|-s|--namespace|--context|--kubeconfig|--cluster|--user|--server|--token|--as|--as-group|--request-timeout)(?:[\\s\\\\]+|=)[^\\s\\\\]+|[\\s\\\\]+-[^\\s\\\\]*)*[\\s\\\\]+(?:create[\\s\\\\]+(?:role|clusterrole|rolebinding|clusterrolebinding|serviceaccount|sa|token)|auth[\\s\\\\]+reconcile|adm[\\s\\\\]+policy)(?:[\\s\\\\]|$)|vault(?:[\\s\\\\].*?)?[\\s\\\\]policy[\\s\\\\]+(?:write|delete)(?:[\\s\\\\]|$)|mc(?:[\\s\\\\].*?)?[\\s\\\\](?:admin[\\s\\\\]+(?:policy|user)|anonymous[\\s\\\\]+set)(?:[\\s\\\\]|$)|chmod[\\s\\\\](?:.*[\\s\\\\])?(?:-R|--recursive|-[a-zA-Z]*R[a-zA-Z]*|0?[0-7]?[0-7][0-7][2367]|0?[2467][0-7]{3}|(?:[ugoa]*[+=][rwxXt]*s[rwxXst]*)|(?:[ug]*[oa][ugoa]*)?[+=][rwxXst]*w[rwxXst]*)(?:[\\s\\\\,]|$)|(?:chown|chgrp|setfacl|setcap|chattr|usermod|useradd|userdel|adduser|deluser|addgroup|delgroup|groupadd|groupmod|groupdel|gpasswd|passwd|chpasswd|chage|visudo|newgrp)(?:[\\s\\\\]|$)|(?:docker|podman|nerdctl)(?:[\\s\\\\].*?)?[\\s\\\\](?:.*[\\s\\\\])?(?:--privileged(?:=true)?|--cap-add[=\\s\\\\]+\\S+|--pid[=\\s\\\\]+host|--userns[=\\s\\\\]+host|--security-opt[=\\s\\\\]+\\S*unconfined|(?:-v|--volume)[=\\s\\\\]+[\"\\']?/var/run/docker\\.sock|(?:-v|--volume)[=\\s\\\\]+[\"\\']?/:/)(?:[\\s\\\\]|$))"))

; Policy documents in strings and heredocs: `"Effect": "Allow"`, statements, principals, actions,
; role ARNs, SQL grants.
([(string) (raw_string) (heredoc_body)] @risk.iam
 (#match? @risk.iam "(?-u)\\\\?\"Effect\\\\?\"\\s*:\\s*\\\\?\"(Allow|Deny)\\b|\\\\?\"Statement\\\\?\"\\s*:\\s*[\\[{]|\\\\?\"(Not)?Principal\\\\?\"\\s*:\\s*(\\{\\s*\\\\?\"(AWS|Service|Federated|CanonicalUser)|\\\\?\"\\*)|\\\\?\"(Not)?Action\\\\?\"\\s*:\\s*\\[?\\s*\\\\?\"[a-z0-9-]+:[\\w*]|^[\"']?arn:aws[\\w-]*:(iam|sts)::\\d*:(role|policy|user|group)/|(?im)(^|[\"';])\\s*(grant\\s+\\w+.*\\bto\\b|revoke\\s+\\w+|create\\s+(role|user)\\b|alter\\s+(role|user)\\b|drop\\s+(role|user)\\b)"))

; Functions that grant, revoke or change roles, policies and users.
(function_definition
  name: (word) @name
  (#match? @name "(?-u)(?i)^(grant|revoke|assign|attach|detach|create|delete|add|remove|bind|unbind|set|update)(_|-)(\\w+(_|-))?(role|roles|policy|policies|permission|permissions|privileges?|iam|rbac|rolebinding|acl|acls|service_account|sa|user|users|group|groups|sudoers?)$|^(make|promote)(_|-)\\w*(admin|root|sudoer)$")) @risk.iam

; =====================================================================================================
; auth: authentication, sessions, tokens, passwords, permission checks, access-control decisions
; =====================================================================================================

; Logins and credential setup: registries, clouds, clusters, Vault; password files, Kerberos, SSH
; keys handed to a server.
((command name: (command_name) @n) @risk.auth
 (#match? @n "(?-u)(^|/)(curl|wget|http|docker|podman|buildah|skopeo|nerdctl|oras|crane|helm|npm|yarn|pnpm|heroku|oc|vault|az|fly|flyctl|op|firebase|wrangler|gh|cf|doctl|gcloud|aws|kubectl|htpasswd|ssh-copy-id|kinit|pam-auth-update|authconfig|realm|ssh-add|sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)$")
 (#match? @risk.auth "(?-u)(?s)^(?:\\w+=[^\\s\\\\]*[\\s\\\\]+)*(?:(?:\\S*/)?(?:sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)(?:[\\s\\\\]+(?:-[a-zA-Z]*[ugnIdPLCw][\\s\\\\]+[^\\s\\\\]+|-[^\\s\\\\]*|\\w+=[^\\s\\\\]*|\\d[\\w.]*))*[\\s\\\\]+)*(?:(?:\\S*/)?(?:bundle|npx|pnpm|yarn|poetry|pipenv|uv|pdm|hatch|python[0-9.]*|php|node|ruby|dotnet)(?:[\\s\\\\]+(?:exec|run|dlx|-m))?[\\s\\\\]+)?(?:\\S*/)?(?:(?:docker|podman|buildah|skopeo|nerdctl|oras|crane|helm|npm|yarn|pnpm|heroku|oc|vault|az|fly|flyctl|op|firebase|wrangler|cf)(?:[\\s\\\\].*?)?[\\s\\\\](?:login|signin|adduser)(?:[\\s\\\\]|$)|gh(?:[\\s\\\\].*?)?[\\s\\\\]auth[\\s\\\\]+(?:login|token|refresh|setup-git)(?:[\\s\\\\]|$)|doctl(?:[\\s\\\\].*?)?[\\s\\\\]auth[\\s\\\\]+(?:init|switch)(?:[\\s\\\\]|$)|gcloud(?:[\\s\\\\].*?)?[\\s\\\\]auth[\\s\\\\]+(?:login|activate-service-account|application-default[\\s\\\\]+login|configure-docker|print-access-token|print-identity-token)(?:[\\s\\\\]|$)|aws(?:[\\s\\\\].*?)?[\\s\\\\](?:sso[\\s\\\\]+login|ecr(?:-public)?[\\s\\\\]+get-login(?:-password)?|sts[\\s\\\\]+get-session-token|codeartifact[\\s\\\\]+login|cognito-idp[\\s\\\\]+(?:admin-\\S+|initiate-auth|sign-up))(?:[\\s\\\\]|$)|(?:kubectl|oc|kn)(?:[\\s\\\\]+(?:-n|-c|-l|-o|-s|--namespace|--context|--kubeconfig|--cluster|--user|--server|--token|--as|--as-group|--request-timeout)(?:[\\s\\\\]+|=)[^\\s\\\\]+|[\\s\\\\]+-[^\\s\\\\]*)*[\\s\\\\]+(?:config[\\s\\\\]+set-credentials)(?:[\\s\\\\]|$)|vault(?:[\\s\\\\].*?)?[\\s\\\\](?:auth[\\s\\\\]+enable|write[\\s\\\\]+auth/\\S*)(?:[\\s\\\\]|$)|(?:htpasswd|ssh-copy-id|kinit|pam-auth-update|authconfig)(?:[\\s\\\\]|$)|realm[\\s\\\\]+(?:join|permit|deny)(?:[\\s\\\\]|$)|ssh-add(?:[\\s\\\\]+(?:-[tkKcqv]\\S*|[^-\\s\\\\]\\S*))*[\\s\\\\]*$|(?:curl|wget|http)[\\s\\\\].*(?:grant_type=|/oauth2?/token\\b|/oauth2?/authorize\\b|/protocol/openid-connect/token\\b))"))

; Functions that log in, fetch or check tokens, or authenticate.
(function_definition
  name: (word) @name
  (#match? @name "(?-u)(?i)(^|_|-)(login|logout|log_in|log_out|sign_in|authenticate|authorize|auth|sso|oauth|oidc|mfa|otp|jwt)(_|-|$)|^(get|fetch|refresh|renew|verify|validate|check|request|obtain|issue)(_|-)(\\w+(_|-))?(token|tokens|jwt|session|password|credentials)$|^(grant|revoke|allow|deny|remove)(_|-)\\w*(access|ssh|login|ssh_key|ssh_keys)$")) @risk.auth

; =====================================================================================================
; network: listeners, ports, bind addresses, firewalls and security groups, CORS, proxies, routing
; =====================================================================================================

; Firewalls, routes and interfaces; listeners opened from the shell; tunnels and port forwards;
; security groups and firewall rules through cloud CLIs; container ports published. Listing rules
; (`iptables -L`, `ufw status`) is not a change.
((command name: (command_name) @n) @risk.network
 (#match? @n "(?-u)(^|/)(iptables|ip6tables|iptables-legacy|iptables-nft|nft|ufw|firewall-cmd|pfctl|ipset|ebtables|arptables|iptables-restore|ip6tables-restore|ip|route|ifconfig|ifup|ifdown|nmcli|nc|ncat|netcat|socat|python|python3|php|ssh|kubectl|oc|aws|gcloud|az|doctl|docker|podman|nerdctl|ngrok|cloudflared|tailscale|wg|wg-quick|sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)$")
 (#match? @risk.network "(?-u)(?s)^(?:\\w+=[^\\s\\\\]*[\\s\\\\]+)*(?:(?:\\S*/)?(?:sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)(?:[\\s\\\\]+(?:-[a-zA-Z]*[ugnIdPLCw][\\s\\\\]+[^\\s\\\\]+|-[^\\s\\\\]*|\\w+=[^\\s\\\\]*|\\d[\\w.]*))*[\\s\\\\]+)*(?:(?:\\S*/)?(?:bundle|npx|pnpm|yarn|poetry|pipenv|uv|pdm|hatch|python[0-9.]*|php|node|ruby|dotnet)(?:[\\s\\\\]+(?:exec|run|dlx|-m))?[\\s\\\\]+)?(?:\\S*/)?(?:(?:iptables|ip6tables|iptables-legacy|iptables-nft|nft|ufw|firewall-cmd|pfctl|ipset|ebtables|arptables|iptables-restore|ip6tables-restore)(?:[\\s\\\\]|$)|ip(?:[\\s\\\\].*?)?[\\s\\\\](?:route|r|addr|address|a|link|l|rule|neigh|tunnel|netns|xfrm)[\\s\\\\]+(?:add|del|delete|change|replace|flush|set|append)(?:[\\s\\\\]|$)|route(?:[\\s\\\\].*?)?[\\s\\\\](?:add|del|delete|change)(?:[\\s\\\\]|$)|(?:ifup|ifdown)(?:[\\s\\\\]|$)|ifconfig[\\s\\\\]+\\S+[\\s\\\\].*(?:up|down|netmask|inet|alias)(?:[\\s\\\\]|$)|nmcli(?:[\\s\\\\].*?)?[\\s\\\\](?:modify|add|delete|up|down)(?:[\\s\\\\]|$)|(?:nc|ncat|netcat)[\\s\\\\](?:.*[\\s\\\\])?-[a-zA-Z]*l|socat[\\s\\\\].*(?i:tcp-listen|udp-listen|tcp4-listen|tcp6-listen|openssl-listen)|python[0-9.]*[\\s\\\\]+-m[\\s\\\\]+(?:http\\.server|SimpleHTTPServer)(?:[\\s\\\\]|$)|php[\\s\\\\]+-S(?:[\\s\\\\]|$)|ssh[\\s\\\\](?:.*[\\s\\\\])?-[NfgCqTv]*[LRD](?:[\\s\\\\]*\\d|[\\s\\\\]*\\S+:\\d)|(?:kubectl|oc|kn)(?:[\\s\\\\]+(?:-n|-c|-l|-o|-s|--namespace|--context|--kubeconfig|--cluster|--user|--server|--token|--as|--as-group|--request-timeout)(?:[\\s\\\\]+|=)[^\\s\\\\]+|[\\s\\\\]+-[^\\s\\\\]*)*[\\s\\\\]+(?:port-forward|expose|proxy)(?:[\\s\\\\]|$)|aws(?:[\\s\\\\].*?)?[\\s\\\\](?:ec2[\\s\\\\]+(?:authorize-security-group-(?:ingress|egress)|revoke-security-group-(?:ingress|egress)|create-security-group|modify-security-group-rules|create-network-acl-entry|replace-network-acl-entry)|elbv2[\\s\\\\]+create-listener|apigateway[\\s\\\\]+create-\\S+)(?:[\\s\\\\]|$)|gcloud(?:[\\s\\\\].*?)?[\\s\\\\]compute[\\s\\\\]+firewall-rules[\\s\\\\]+(?:create|update|delete)(?:[\\s\\\\]|$)|az(?:[\\s\\\\].*?)?[\\s\\\\]network[\\s\\\\]+(?:nsg[\\s\\\\]+rule|firewall)[\\s\\\\]+(?:create|update|delete)(?:[\\s\\\\]|$)|doctl(?:[\\s\\\\].*?)?[\\s\\\\]compute[\\s\\\\]+firewall(?:[\\s\\\\]|$)|(?:docker|podman|nerdctl)(?:[\\s\\\\].*?)?[\\s\\\\](?:run|create)[\\s\\\\](?:.*[\\s\\\\])?(?:-p(?:[\\s\\\\]+|=)?\\S|--publish(?:[\\s\\\\]+|=)|-P|--network(?:[\\s\\\\]+|=)host|--net(?:[\\s\\\\]+|=)host)|(?:ngrok|cloudflared[\\s\\\\]+tunnel)(?:[\\s\\\\]|$)|(?:wg-quick|tailscale[\\s\\\\]+up)(?:[\\s\\\\]|$))")
 (#not-match? @risk.network "(?-u)^(?:sudo[\\s\\\\]+)?(?:iptables|ip6tables|ufw|firewall-cmd|nft)[\\s\\\\]+(?:-[a-zA-Z]*[LS][a-zA-Z]*|--list\\S*|status|--state|--get-\\S+|list)(?:[\\s\\\\]+\\S+)*$"))

; Any program told to listen on all interfaces or to open a CIDR to the world: `--host 0.0.0.0`,
; `-b 0.0.0.0:8000`, `--cidr 0.0.0.0/0`.
(command
  argument: [(word) (string) (raw_string) (concatenation)] @a
  (#match? @a "(?-u)^[\"']?(--?[\\w-]+=)?(0\\.0\\.0\\.0|\\[::\\]|::)(:\\d+)?(:\\d+(/(tcp|udp))?)?[\"']?$|^[\"']?(--?[\\w-]+=)?(0\\.0\\.0\\.0/0|::/0)[\"']?$")) @risk.network

; Functions that open ports or change firewalls.
(function_definition
  name: (word) @name
  (#match? @name "(?-u)(?i)^(open|close|expose|allow|block|forward)(_|-)\\w*ports?$|(^|_|-)(firewall|iptables|ufw|nftables|security_group|sg_rules?|port_forward)(_|-|$)")) @risk.network

; =====================================================================================================
; crypto: TLS settings, certificate verification, ciphers, signing, randomness for security
; =====================================================================================================

; TLS verification switched off (`curl -k`, `wget --no-check-certificate`, `git -c http.sslVerify=false`,
; `npm config set strict-ssl false`); keys, certificates and CAs made or installed; signing and
; encryption; secrets drawn from /dev/urandom.
((command name: (command_name) @n) @risk.crypto
 (#match? @n "(?-u)(^|/)(curl|wget|git|npm|yarn|pnpm|pip|pip3|openssl|ssh-keygen|gpg|gpg2|certbot|update-ca-certificates|update-ca-trust|keytool|mkcert|cfssl|cfssljson|step|trust|cosign|age|age-keygen|minisign|signify|head|dd|cat|tr|od|xxd|base64|ssh-keyscan|sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)$")
 (#match? @risk.crypto "(?-u)(?s)^(?:\\w+=[^\\s\\\\]*[\\s\\\\]+)*(?:(?:\\S*/)?(?:sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)(?:[\\s\\\\]+(?:-[a-zA-Z]*[ugnIdPLCw][\\s\\\\]+[^\\s\\\\]+|-[^\\s\\\\]*|\\w+=[^\\s\\\\]*|\\d[\\w.]*))*[\\s\\\\]+)*(?:(?:\\S*/)?(?:bundle|npx|pnpm|yarn|poetry|pipenv|uv|pdm|hatch|python[0-9.]*|php|node|ruby|dotnet)(?:[\\s\\\\]+(?:exec|run|dlx|-m))?[\\s\\\\]+)?(?:\\S*/)?(?:curl[\\s\\\\](?:.*[\\s\\\\])?(?:-[a-zA-Z]*k[a-zA-Z]*|--insecure|--proxy-insecure)(?:[\\s\\\\]|$)|wget[\\s\\\\].*--no-check-certificate|git[\\s\\\\].*(?i:http\\.sslverify)(?:[\\s\\\\=]+|=)[\"\\']?(?:false|0|no)|(?:npm|yarn|pnpm)[\\s\\\\].*strict-ssl(?:[\\s\\\\=]+)[\"\\']?false|pip3?[\\s\\\\].*--trusted-host|openssl[\\s\\\\]+(?:req|genrsa|genpkey|x509|rsa|ec|ecparam|pkcs12|pkcs8|rand|enc|dgst|passwd|ca|s_server|smime|cms|pkeyutl|dhparam|verify|gendsa)(?:[\\s\\\\]|$)|(?:ssh-keygen|certbot|update-ca-certificates|update-ca-trust|keytool|mkcert|cfssl|cfssljson|age|age-keygen|minisign|signify|ssh-keyscan)(?:[\\s\\\\]|$)|gpg2?[\\s\\\\].*(?:--gen-key|--full-gen(?:erate)?-key|--quick-gen(?:erate)?-key|--import|--export-secret-keys|--sign|--clearsign|--detach-sign|--encrypt|--decrypt|--symmetric|--passphrase|[\\s\\\\]-[a-zA-Z]*[sedc](?:[\\s\\\\]|$))|step[\\s\\\\]+(?:ca|certificate|crypto)(?:[\\s\\\\]|$)|trust[\\s\\\\]+anchor(?:[\\s\\\\]|$)|cosign[\\s\\\\]+(?:sign|generate-key-pair|sign-blob)(?:[\\s\\\\]|$)|(?:head|dd|cat|tr|od|xxd|base64)[\\s\\\\].*/dev/u?random\\b)"))

; Any program told to skip certificate or host-key checks: `--insecure-skip-tls-verify`,
; `-o StrictHostKeyChecking=no`, `--no-verify-ssl`, `--tls-verify=false`.
(command
  argument: [(word) (string) (raw_string) (concatenation)] @a
  (#match? @a "(?-u)^[\"']?(--insecure-skip-tls-verify(=true)?|--skip-tls-verify(=true)?|--tls-verify=false|--tlsverify=false|--no-verify-ssl|--no-check-certificate|--ssl-no-revoke|--insecure-registry(=\\S+)?|--disable-tls|--allow-insecure\\S*|(-o)?StrictHostKeyChecking[= ](no|off|accept-new)|(-o)?UserKnownHostsFile[= ]/dev/null|(-c)?(?i:http\\.sslverify)=(false|0)|--trusted-host(=\\S+)?|--insecure)[\"']?$|(?i)[?&\\s\"';]ssl-?mode=(disable|allow|prefer)\\b|[?&]tls=(false|skip-verify)\\b")) @risk.crypto
; Environment switches that turn verification off or replace the trusted CAs.
(variable_assignment
  name: (variable_name) @name
  (#match? @name "(?-u)^(NODE_TLS_REJECT_UNAUTHORIZED|GIT_SSL_NO_VERIFY|PYTHONHTTPSVERIFY|CURL_CA_BUNDLE|REQUESTS_CA_BUNDLE|SSL_CERT_FILE|SSL_CERT_DIR|NODE_EXTRA_CA_CERTS|ANSIBLE_HOST_KEY_CHECKING|GIT_SSH_COMMAND|GODEBUG|PIP_TRUSTED_HOST|NPM_CONFIG_STRICT_SSL|npm_config_strict_ssl|AWS_CA_BUNDLE|HELM_TLS_VERIFY|DOCKER_TLS_VERIFY)$")) @risk.crypto
; A secret made from the shell's `$RANDOM`, which is not a secure random source.
(variable_assignment
  name: (variable_name) @name
  value: (_) @v
  (#match? @name "(?-u)(?i)(^|_)(password|passwd|pass|secret|token|key|salt|nonce|otp|pin)$")
  (#match? @v "(?-u)\\$\\{?RANDOM\\b")) @risk.crypto
; ...or read from /dev/urandom by a redirection: `tr -dc A-Za-z0-9 < /dev/urandom | head -c 32`.
(redirected_statement
  redirect: (file_redirect destination: (word) @d)
  (#match? @d "(?-u)^/dev/u?random$")) @risk.crypto
; Functions that make or rotate keys and certificates.
(function_definition
  name: (word) @name
  (#match? @name "(?-u)(?i)^(gen|generate|create|make|renew|rotate|issue|sign|install|trust)(_|-)(\\w+(_|-))?(cert|certs|certificate|certificates|key|keys|keypair|tls|ssl|csr|ca|gpg|pgp)$|(^|_|-)(encrypt|decrypt|sign)(_|-|$)")) @risk.crypto

; =====================================================================================================
; secrets: credentials, API keys, secret loading and storage, hard-coded secrets
; =====================================================================================================

; Secrets read from or written to a store (Secrets Manager, SSM SecureString, Secret Manager, Key
; Vault, Vault, 1Password, sops), Kubernetes and CI secrets created, passwords given on a command
; line, credentials sent with a request.
((command name: (command_name) @n) @risk.secrets
 (#match? @n "(?-u)(^|/)(read|aws|gcloud|az|vault|op|kubectl|oc|gh|doppler|sops|security|pass|gopass|bw|heroku|fly|flyctl|npm|docker|podman|helm|buildah|skopeo|mysql|mysqldump|mariadb|mysqladmin|curl|wget|http|sshpass|chamber|berglas|kubeseal|sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)$")
 (#match? @risk.secrets "(?-u)(?s)^(?:\\w+=[^\\s\\\\]*[\\s\\\\]+)*(?:(?:\\S*/)?(?:sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)(?:[\\s\\\\]+(?:-[a-zA-Z]*[ugnIdPLCw][\\s\\\\]+[^\\s\\\\]+|-[^\\s\\\\]*|\\w+=[^\\s\\\\]*|\\d[\\w.]*))*[\\s\\\\]+)*(?:(?:\\S*/)?(?:bundle|npx|pnpm|yarn|poetry|pipenv|uv|pdm|hatch|python[0-9.]*|php|node|ruby|dotnet)(?:[\\s\\\\]+(?:exec|run|dlx|-m))?[\\s\\\\]+)?(?:\\S*/)?(?:aws(?:[\\s\\\\].*?)?[\\s\\\\](?:secretsmanager[\\s\\\\]+(?:get-secret-value|create-secret|put-secret-value|update-secret|delete-secret|rotate-secret|batch-get-secret-value)|ssm[\\s\\\\]+(?:get-parameters?(?:-by-path)?[\\s\\\\].*--with-decryption|put-parameter[\\s\\\\].*SecureString)|configure[\\s\\\\]+set[\\s\\\\]+(?:\\S+\\.)?aws_(?:secret_access_key|access_key_id|session_token)|iam[\\s\\\\]+create-access-key|kms[\\s\\\\]+decrypt)|gcloud(?:[\\s\\\\].*?)?[\\s\\\\]secrets(?:[\\s\\\\]|$)|az(?:[\\s\\\\].*?)?[\\s\\\\]keyvault[\\s\\\\]+secret(?:[\\s\\\\]|$)|vault(?:[\\s\\\\].*?)?[\\s\\\\](?:kv[\\s\\\\]+(?:get|put|patch|delete|destroy|rollback)|read|write|token[\\s\\\\]+create)(?:[\\s\\\\]|$)|op[\\s\\\\]+(?:read|item[\\s\\\\]+get|inject|run|document[\\s\\\\]+get)(?:[\\s\\\\]|$)|(?:kubectl|oc|kn)(?:[\\s\\\\]+(?:-n|-c|-l|-o|-s|--namespace|--context|--kubeconfig|--cluster|--user|--server|--token|--as|--as-group|--request-timeout)(?:[\\s\\\\]+|=)[^\\s\\\\]+|[\\s\\\\]+-[^\\s\\\\]*)*[\\s\\\\]+(?:create[\\s\\\\]+secret)(?:[\\s\\\\]|$)|gh[\\s\\\\]+secret[\\s\\\\]+(?:set|delete)(?:[\\s\\\\]|$)|doppler[\\s\\\\]+(?:secrets|run)(?:[\\s\\\\]|$)|sops[\\s\\\\](?:.*[\\s\\\\])?(?:-d|--decrypt|-e|--encrypt|exec-env|exec-file)(?:[\\s\\\\]|$)|security[\\s\\\\]+(?:find|add|delete)-(?:generic|internet)-password(?:[\\s\\\\]|$)|(?:pass|gopass)[\\s\\\\]+(?:show|insert|generate)(?:[\\s\\\\]|$)|bw[\\s\\\\]+get(?:[\\s\\\\]|$)|(?:chamber|berglas)[\\s\\\\]+(?:read|write|exec|access|create)(?:[\\s\\\\]|$)|kubeseal(?:[\\s\\\\]|$)|heroku[\\s\\\\]+config:set(?:[\\s\\\\]|$)|fly(?:ctl)?[\\s\\\\]+secrets[\\s\\\\]+(?:set|import)(?:[\\s\\\\]|$)|npm[\\s\\\\]+config[\\s\\\\]+set[\\s\\\\].*_(?:authToken|auth|password)|(?:docker|podman|helm|buildah|skopeo)(?:[\\s\\\\].*?)?[\\s\\\\](?:registry[\\s\\\\]+)?login[\\s\\\\](?:.*[\\s\\\\])?(?:-p[\\s\\\\]+\\S|--password(?:=|[\\s\\\\]+)\\S)|(?:mysql|mysqldump|mariadb|mysqladmin)[\\s\\\\](?:.*[\\s\\\\])?(?:-p[^\\s\\\\]+|--password=\\S+)|(?:curl|wget|http)[\\s\\\\].*?(?:(?:-u|--user)(?:[\\s\\\\]+|=)[\"\\']?[^\\s:]+:\\S|(?:-H|--header)(?:[\\s\\\\]+|=)[\"\\']?(?i:authorization|proxy-authorization|x-api-key|api-key|private-token|x-auth-token|x-vault-token)\\s*:|--(?:http-)?password[=\\s]|--oauth2-bearer)|sshpass[\\s\\\\](?:.*[\\s\\\\])?-p|read[\\s\\\\](?:.*[\\s\\\\])?-[a-zA-Z]*s[a-zA-Z]*(?:[\\s\\\\]|$))"))

; A literal credential assigned to a variable that says it is one: `export AWS_SECRET_ACCESS_KEY=..`,
; `DB_PASSWORD='..'`, `PGPASSWORD=.. psql`. Not a value read from elsewhere (`$(..)`, `${..}`),
; not an empty or placeholder value, not the name of another variable.
(variable_assignment
  name: (variable_name) @name
  value: [(word) (string) (raw_string) (number) (concatenation)] @v
  (#match? @name "(?-u)(?i)^(\\w*_)?(password|passwd|pass|pwd|passphrase|secret|secret_key|secret_access_key|client_secret|api_?key|apikey|access_key(_id)?|private_key|auth_token|access_token|refresh_token|bearer_token|api_token|bot_token|token|credentials?|creds|signing_key|encryption_key|master_key|hmac_key|jwt_secret|webhook_secret|session_secret|cookie_secret|app_secret|db_pass|pgpassword|mysql_pwd|mysql_root_password|sshpass|dsn|database_url)$")
  (#not-match? @name "(?-u)^(PWD|OLDPWD)$")
  (#match? @v "(?-u)^[\"']?[^\"'$\\s]{3,}[\"']?$")
  (#not-match? @v "(?-u)\\$|^[\"']?([A-Z][A-Z0-9_]{2,}|<[^>]*>|\\*+|x{3,}|(?i:changeme|change_me|redacted|placeholder|todo|none|null|false|true|your[-_]\\S*|replace[-_]?me|example))[\"']?$")) @risk.secrets
; Literals that look like credentials: AWS keys, PEM private keys, GitHub/Stripe/Slack/Google/OpenAI
; tokens, JWTs, URLs with a password in them.
([(word) (string) (raw_string) (heredoc_body)] @risk.secrets
 (#match? @risk.secrets "(?-u)\\b(AKIA|ASIA)[0-9A-Z]{16}\\b|-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----|\\bgh[pousr]_[A-Za-z0-9]{36}\\b|\\bgithub_pat_[A-Za-z0-9_]{22,}|\\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}|\\bxox[abprs]-[0-9A-Za-z-]{10,}|\\bAIza[0-9A-Za-z_-]{35}\\b|\\bsk-(proj-|ant-)?[A-Za-z0-9_-]{20,}|\\bglpat-[0-9A-Za-z_-]{20}|\\bnpm_[A-Za-z0-9]{36}\\b|\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}|[a-z][a-z0-9+.-]*://[^/\\s:@\"'{}]*:[^/\\s@\"'{}$]+@"))
; Functions that fetch, load or rotate secrets.
(function_definition
  name: (word) @name
  (#match? @name "(?-u)(?i)^(get|fetch|load|read|export|rotate|set|put|store|sync|pull|inject)(_|-)(\\w+(_|-))?(secret|secrets|credentials|creds|password|passwords|api_key|api_keys|keys)$")) @risk.secrets

; =====================================================================================================
; dns: name resolution, DNS records and zones, resolvers, TTLs, service discovery
; =====================================================================================================

; Lookups, dynamic updates, resolver control; records and zones through cloud CLIs and DNS APIs;
; DNS servers restarted.
((command name: (command_name) @n) @risk.dns
 (#match? @n "(?-u)(^|/)(dig|nslookup|host|nsupdate|resolvectl|systemd-resolve|rndc|named-checkzone|named-checkconf|unbound-control|kdig|drill|delv|dnsmasq|getent|aws|gcloud|az|doctl|cli53|curl|wget|http|systemctl|service|octodns-sync|dnscontrol|sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)$")
 (#match? @risk.dns "(?-u)(?s)^(?:\\w+=[^\\s\\\\]*[\\s\\\\]+)*(?:(?:\\S*/)?(?:sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)(?:[\\s\\\\]+(?:-[a-zA-Z]*[ugnIdPLCw][\\s\\\\]+[^\\s\\\\]+|-[^\\s\\\\]*|\\w+=[^\\s\\\\]*|\\d[\\w.]*))*[\\s\\\\]+)*(?:(?:\\S*/)?(?:bundle|npx|pnpm|yarn|poetry|pipenv|uv|pdm|hatch|python[0-9.]*|php|node|ruby|dotnet)(?:[\\s\\\\]+(?:exec|run|dlx|-m))?[\\s\\\\]+)?(?:\\S*/)?(?:(?:dig|nslookup|host|nsupdate|resolvectl|systemd-resolve|rndc|named-checkzone|named-checkconf|unbound-control|kdig|drill|delv|dnsmasq|octodns-sync)(?:[\\s\\\\]|$)|dnscontrol[\\s\\\\]+(?:push|preview)(?:[\\s\\\\]|$)|getent[\\s\\\\]+a?hosts(?:[\\s\\\\]|$)|aws(?:[\\s\\\\].*?)?[\\s\\\\](?:route53|route53domains|route53resolver|servicediscovery)(?:[\\s\\\\]|$)|gcloud(?:[\\s\\\\].*?)?[\\s\\\\]dns(?:[\\s\\\\]|$)|az(?:[\\s\\\\].*?)?[\\s\\\\]network[\\s\\\\]+(?:private-)?dns(?:[\\s\\\\]|$)|doctl(?:[\\s\\\\].*?)?[\\s\\\\]compute[\\s\\\\]+domain(?:[\\s\\\\]|$)|cli53(?:[\\s\\\\]|$)|(?:curl|wget|http)[\\s\\\\].*(?:/dns_records|/rrsets|api\\.cloudflare\\.com/client/v4/zones|api\\.digitalocean\\.com/v2/domains|/v1/domains/\\S+/records)|(?:systemctl|service)[\\s\\\\].*(?:systemd-resolved|dnsmasq|named|bind9|unbound|coredns)\\b)"))

; TTLs of records and zones.
(variable_assignment
  name: (variable_name) @name
  (#match? @name "(?-u)(?i)(^|_)(dns|record|records|zone|rr|rrset|soa|cname|negative|resolver)_(\\w+_)?ttl(_secs?|_seconds)?$")) @risk.dns
; Functions that manage records, zones or resolvers.
(function_definition
  name: (word) @name
  (#match? @name "(?-u)(?i)(^|_|-)(dns|route53|nameservers?|resolv|resolver|cname|dns_records?|zone_file)(_|-|$)|^(resolve|lookup)(_|-)(host|hostname|ip|addr|address|domain|name|srv)s?$")) @risk.dns

; =====================================================================================================
; config: configuration loading and defaults, feature flags, environment variables, timeouts,
; retries, limits
; =====================================================================================================

; Configuration and environment loaded (`source .env`, `set -a`), kernel and process limits,
; configuration stored in a cluster or a cloud, defaults assigned with `: "${VAR:=..}"`.
((command name: (command_name) @n) @risk.config
 (#match? @n "(?-u)(^|/)(source|\\.|sysctl|ulimit|kubectl|oc|aws|heroku|gh|gcloud|az|:|crudini|augtool|dotenv|envsubst|set|sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)$")
 (#match? @risk.config "(?-u)(?s)^(?:\\w+=[^\\s\\\\]*[\\s\\\\]+)*(?:(?:\\S*/)?(?:sudo|doas|xargs|nohup|env|exec|nice|ionice|timeout|time|watch|command|builtin|stdbuf|caffeinate|chroot|flock|runuser|parallel|retry)(?:[\\s\\\\]+(?:-[a-zA-Z]*[ugnIdPLCw][\\s\\\\]+[^\\s\\\\]+|-[^\\s\\\\]*|\\w+=[^\\s\\\\]*|\\d[\\w.]*))*[\\s\\\\]+)*(?:(?:\\S*/)?(?:bundle|npx|pnpm|yarn|poetry|pipenv|uv|pdm|hatch|python[0-9.]*|php|node|ruby|dotnet)(?:[\\s\\\\]+(?:exec|run|dlx|-m))?[\\s\\\\]+)?(?:\\S*/)?(?:(?:source|\\.)[\\s\\\\]+[\"\\']?(?:\\S*/)?(?:/etc/default/\\S+|/etc/sysconfig/\\S+|[^/\\s]*(?i:\\.env|env\\.sh|\\.conf|\\.cfg|\\.ini|\\.properties|config|settings|defaults|\\.profile)[^/\\s]*)[\"\\']?[\\s\\\\]*$|sysctl[\\s\\\\](?:.*[\\s\\\\])?(?:-w|-p|--write|--load|--system|[\\w.]+=\\S+)(?:[\\s\\\\]|$)|ulimit[\\s\\\\]+-[a-zA-Z]+[\\s\\\\]+\\S|(?:kubectl|oc|kn)(?:[\\s\\\\]+(?:-n|-c|-l|-o|-s|--namespace|--context|--kubeconfig|--cluster|--user|--server|--token|--as|--as-group|--request-timeout)(?:[\\s\\\\]+|=)[^\\s\\\\]+|[\\s\\\\]+-[^\\s\\\\]*)*[\\s\\\\]+(?:set[\\s\\\\]+env|create[\\s\\\\]+configmap)(?:[\\s\\\\]|$)|aws(?:[\\s\\\\].*?)?[\\s\\\\](?:ssm[\\s\\\\]+put-parameter|appconfig[\\s\\\\]+(?:create|update|start)-\\S+)(?:[\\s\\\\]|$)|heroku[\\s\\\\]+config:(?:set|unset)(?:[\\s\\\\]|$)|gh[\\s\\\\]+variable[\\s\\\\]+(?:set|delete)(?:[\\s\\\\]|$)|(?:gcloud|az)[\\s\\\\].*(?:--(?:update|set|remove)-env-vars|appsettings[\\s\\\\]+set)|:[\\s\\\\]+[\"\\']?\\$\\{[A-Z_][A-Z0-9_]*:?=|crudini[\\s\\\\]+--set(?:[\\s\\\\]|$)|augtool[\\s\\\\].*\\bset\\b|dotenv(?:[\\s\\\\]|$)|set[\\s\\\\]+-a(?:[\\s\\\\]|$))")
 (#not-match? @risk.config "(?-u)^:[\\s\\\\]+[\"\\']?\\$\\{(\\w*PROG|TMPDIR|TMP|TEMP|HOME|PATH|IFS|EDITOR|VISUAL|PAGER|SHELL|USER|LOGNAME|TERM|LANG|LC_\\w+|PWD|CC|CXX|CPP|CFLAGS|CXXFLAGS|LDFLAGS|MAKE|AWK|SED|GREP|EGREP|FGREP|GPG|JAVA|PYTHON|CARGO|RUSTC|GO|NODE|NPM|CMP|DIFF|ZCAT|ZSTD|TAR|XDG_\\w+|DPKG_\\w+)[:}=-]"))

; Settings assigned in the script, exported or not: timeouts, retries, limits, feature switches, the
; environment or region a script acts on. A literal, or a default over the environment.
(variable_assignment
  name: (variable_name) @name
  value: (_) @v
  (#match? @name "(?-u)^[A-Z][A-Z0-9_]*$")
  (#match? @name "(?-u)(^|_)(TIMEOUT|TIMEOUTS|DEADLINE|RETRIES|RETRY|ATTEMPTS|BACKOFF|DELAY|INTERVAL|KEEPALIVE|GRACE|GRACE_PERIOD|QUOTA|BURST|CONCURRENCY|PARALLELISM|CAPACITY|THRESHOLD|LIMIT|LIMITS|MAX|MIN|EXPIRY|TTL|RATE|RPS|QPS|POOL_SIZE|BATCH_SIZE|WORKERS|THREADS|ENABLE|ENABLED|DISABLE|DISABLED|FEATURE|FEATURES|FEATURE_FLAGS|DRY_RUN|ENV|ENVIRONMENT|STAGE|REGION|NAMESPACE|CLUSTER|KUBE_CONTEXT)(_|$)|_(SECS|SECONDS|MS|MILLIS|MINUTES)$")
  (#not-match? @name "(?-u)(?i)(^|_)(dns|record|records|zone|rr|rrset|soa|cname|negative|resolver)_(\\w+_)?ttl(_secs?|_seconds)?$")
  (#match? @v "(?-u)^[\"']?([\\w.:/@-]+|\\$\\{[A-Z_][A-Z0-9_]*:?[-=][^}]*\\})[\"']?$")
  (#not-match? @v "(?-u)^[\"']?[01][\"']?$")) @risk.config
; The account, project, cluster or workspace a script acts on, whatever the value.
(variable_assignment
  name: (variable_name) @name
  (#match? @name "(?-u)^(KUBECONFIG|KUBE_CONTEXT|KUBECTL_CONTEXT|AWS_PROFILE|AWS_DEFAULT_PROFILE|AWS_REGION|AWS_DEFAULT_REGION|CLOUDSDK_CORE_PROJECT|CLOUDSDK_COMPUTE_REGION|GOOGLE_CLOUD_PROJECT|GCLOUD_PROJECT|AZURE_SUBSCRIPTION_ID|ARM_SUBSCRIPTION_ID|DOCKER_HOST|DOCKER_CONTEXT|VAULT_ADDR|VAULT_NAMESPACE|NOMAD_ADDR|CONSUL_HTTP_ADDR|TF_WORKSPACE|TF_VAR_\\w+|HELM_NAMESPACE|HELM_KUBECONTEXT)$")) @risk.config
; Defaults over the environment for any setting: `NAMESPACE="${NAMESPACE:-prod}"` (not positional
; parameters: `${1:-.}` is an argument).
(variable_assignment
  name: (variable_name) @name
  value: [(string . (expansion) .) (expansion)] @e
  (#match? @name "(?-u)^[A-Z][A-Z0-9_]*$")
  (#match? @e "(?-u)^\"?\\$\\{[A-Z_][A-Z0-9_]*:?[-=][^}]*\\}\"?$")
  (#not-match? @e "(?-u)^\"?\\$\\{(\\w*PROG|TMPDIR|TMP|TEMP|HOME|PATH|IFS|EDITOR|VISUAL|PAGER|SHELL|USER|LOGNAME|TERM|LANG|LC_\\w+|PWD|CC|CXX|CPP|CFLAGS|CXXFLAGS|LDFLAGS|MAKE|AWK|SED|GREP|EGREP|FGREP|GPG|JAVA|PYTHON|CARGO|RUSTC|GO|NODE|NPM|CMP|DIFF|ZCAT|ZSTD|TAR|XDG_\\w+|DPKG_\\w+)[:}=-]")) @risk.config
; Functions that load configuration or the environment.
(function_definition
  name: (word) @name
  (#match? @name "(?-u)(?i)^(load|read|source|parse|init|setup|configure|apply|set)(_|-)(\\w+(_|-))?(config|conf|configuration|env|environment|settings|defaults|flags|sysctl|limits)$")) @risk.config

; =====================================================================================================
; Writes into files that hold security-relevant configuration: `>`/`>>` redirections (also after a
; heredoc) and `tee`, `cp`, `mv`, `install`, `ln`, `sed -i`, `truncate` with the file as the last
; word, under `sudo` too. The category follows the file.
; =====================================================================================================

([
  (redirected_statement redirect: [(file_redirect) @w (heredoc_redirect (file_redirect) @w)])
  (command) @w
 ] @risk.dns
 (#match? @w "(?-u)(?s)^(?:\\d*(?:>>?|&>>?|>\\|)\\s*|(?:\\w+=\\S*[\\s\\\\]+)*(?:(?:sudo|doas)(?:[\\s\\\\]+-\\S+)*[\\s\\\\]+)?(?:\\S*/)?(?:tee|cp|mv|install|ln|rsync|truncate|touch|chattr|crudini|dd[\\s\\\\](?:.*[\\s\\\\])?of=|sed[\\s\\\\](?:.*[\\s\\\\])?-[a-zA-Z]*i[a-zA-Z]*)[\\s\\\\](?:.*[\\s\\\\])?)[\"']?(?:of=)?(?:/etc/(?:resolv\\.conf|hosts|systemd/resolved\\.conf(?:\\.d/\\S*)?|dnsmasq\\.(?:conf|d/\\S*)|bind/\\S*|named\\.conf\\S*|nsswitch\\.conf))[\"']?[\\s\\\\]*$"))
([
  (redirected_statement redirect: [(file_redirect) @w (heredoc_redirect (file_redirect) @w)])
  (command) @w
 ] @risk.iam
 (#match? @w "(?-u)(?s)^(?:\\d*(?:>>?|&>>?|>\\|)\\s*|(?:\\w+=\\S*[\\s\\\\]+)*(?:(?:sudo|doas)(?:[\\s\\\\]+-\\S+)*[\\s\\\\]+)?(?:\\S*/)?(?:tee|cp|mv|install|ln|rsync|truncate|touch|chattr|crudini|dd[\\s\\\\](?:.*[\\s\\\\])?of=|sed[\\s\\\\](?:.*[\\s\\\\])?-[a-zA-Z]*i[a-zA-Z]*)[\\s\\\\](?:.*[\\s\\\\])?)[\"']?(?:of=)?(?:/etc/(?:sudoers(?:\\.d/\\S*)?|passwd|group|shadow|gshadow|subuid|subgid|security/\\S*|polkit-1/\\S*|doas\\.conf))[\"']?[\\s\\\\]*$"))
([
  (redirected_statement redirect: [(file_redirect) @w (heredoc_redirect (file_redirect) @w)])
  (command) @w
 ] @risk.auth
 (#match? @w "(?-u)(?s)^(?:\\d*(?:>>?|&>>?|>\\|)\\s*|(?:\\w+=\\S*[\\s\\\\]+)*(?:(?:sudo|doas)(?:[\\s\\\\]+-\\S+)*[\\s\\\\]+)?(?:\\S*/)?(?:tee|cp|mv|install|ln|rsync|truncate|touch|chattr|crudini|dd[\\s\\\\](?:.*[\\s\\\\])?of=|sed[\\s\\\\](?:.*[\\s\\\\])?-[a-zA-Z]*i[a-zA-Z]*)[\\s\\\\](?:.*[\\s\\\\])?)[\"']?(?:of=)?(?:\\S*/\\.ssh/authorized_keys2?|\\S*authorized_keys2?|/etc/ssh/sshd_config(?:\\.d/\\S*)?|/etc/pam\\.d/\\S*|\\S*\\.htpasswd|/etc/krb5\\.conf)[\"']?[\\s\\\\]*$"))
([
  (redirected_statement redirect: [(file_redirect) @w (heredoc_redirect (file_redirect) @w)])
  (command) @w
 ] @risk.network
 (#match? @w "(?-u)(?s)^(?:\\d*(?:>>?|&>>?|>\\|)\\s*|(?:\\w+=\\S*[\\s\\\\]+)*(?:(?:sudo|doas)(?:[\\s\\\\]+-\\S+)*[\\s\\\\]+)?(?:\\S*/)?(?:tee|cp|mv|install|ln|rsync|truncate|touch|chattr|crudini|dd[\\s\\\\](?:.*[\\s\\\\])?of=|sed[\\s\\\\](?:.*[\\s\\\\])?-[a-zA-Z]*i[a-zA-Z]*)[\\s\\\\](?:.*[\\s\\\\])?)[\"']?(?:of=)?(?:/etc/(?:iptables/\\S*|nftables\\.conf|ufw/\\S*|hosts\\.(?:allow|deny)|network/interfaces(?:\\.d/\\S*)?|netplan/\\S*|sysconfig/(?:iptables|network-scripts/\\S*)|firewalld/\\S*|nginx/\\S*|haproxy/\\S*|wireguard/\\S*))[\"']?[\\s\\\\]*$"))
([
  (redirected_statement redirect: [(file_redirect) @w (heredoc_redirect (file_redirect) @w)])
  (command) @w
 ] @risk.crypto
 (#match? @w "(?-u)(?s)^(?:\\d*(?:>>?|&>>?|>\\|)\\s*|(?:\\w+=\\S*[\\s\\\\]+)*(?:(?:sudo|doas)(?:[\\s\\\\]+-\\S+)*[\\s\\\\]+)?(?:\\S*/)?(?:tee|cp|mv|install|ln|rsync|truncate|touch|chattr|crudini|dd[\\s\\\\](?:.*[\\s\\\\])?of=|sed[\\s\\\\](?:.*[\\s\\\\])?-[a-zA-Z]*i[a-zA-Z]*)[\\s\\\\](?:.*[\\s\\\\])?)[\"']?(?:of=)?(?:/etc/ssl/\\S*|/etc/pki/\\S*|/usr/local/share/ca-certificates/\\S*|/etc/ca-certificates/\\S*|\\S*\\.(?:pem|crt|cer|p12|pfx|jks|csr))[\"']?[\\s\\\\]*$"))
([
  (redirected_statement redirect: [(file_redirect) @w (heredoc_redirect (file_redirect) @w)])
  (command) @w
 ] @risk.secrets
 (#match? @w "(?-u)(?s)^(?:\\d*(?:>>?|&>>?|>\\|)\\s*|(?:\\w+=\\S*[\\s\\\\]+)*(?:(?:sudo|doas)(?:[\\s\\\\]+-\\S+)*[\\s\\\\]+)?(?:\\S*/)?(?:tee|cp|mv|install|ln|rsync|truncate|touch|chattr|crudini|dd[\\s\\\\](?:.*[\\s\\\\])?of=|sed[\\s\\\\](?:.*[\\s\\\\])?-[a-zA-Z]*i[a-zA-Z]*)[\\s\\\\](?:.*[\\s\\\\])?)[\"']?(?:of=)?(?:\\S*(?:\\.aws/credentials|\\.netrc|\\.pgpass|\\.docker/config\\.json|\\.npmrc|\\.pypirc|\\.git-credentials|\\.ssh/id_\\w+|\\.kube/config|\\.vault-token|\\.key))[\"']?[\\s\\\\]*$"))
([
  (redirected_statement redirect: [(file_redirect) @w (heredoc_redirect (file_redirect) @w)])
  (command) @w
 ] @risk.deploy
 (#match? @w "(?-u)(?s)^(?:\\d*(?:>>?|&>>?|>\\|)\\s*|(?:\\w+=\\S*[\\s\\\\]+)*(?:(?:sudo|doas)(?:[\\s\\\\]+-\\S+)*[\\s\\\\]+)?(?:\\S*/)?(?:tee|cp|mv|install|ln|rsync|truncate|touch|chattr|crudini|dd[\\s\\\\](?:.*[\\s\\\\])?of=|sed[\\s\\\\](?:.*[\\s\\\\])?-[a-zA-Z]*i[a-zA-Z]*)[\\s\\\\](?:.*[\\s\\\\])?)[\"']?(?:of=)?(?:/etc/(?:systemd/system/\\S*|cron\\S*|init\\.d/\\S*|supervisor/\\S*|rc\\.local)|/lib/systemd/system/\\S*|/usr/lib/systemd/system/\\S*)[\"']?[\\s\\\\]*$"))
([
  (redirected_statement redirect: [(file_redirect) @w (heredoc_redirect (file_redirect) @w)])
  (command) @w
 ] @risk.config
 (#match? @w "(?-u)(?s)^(?:\\d*(?:>>?|&>>?|>\\|)\\s*|(?:\\w+=\\S*[\\s\\\\]+)*(?:(?:sudo|doas)(?:[\\s\\\\]+-\\S+)*[\\s\\\\]+)?(?:\\S*/)?(?:tee|cp|mv|install|ln|rsync|truncate|touch|chattr|crudini|dd[\\s\\\\](?:.*[\\s\\\\])?of=|sed[\\s\\\\](?:.*[\\s\\\\])?-[a-zA-Z]*i[a-zA-Z]*)[\\s\\\\](?:.*[\\s\\\\])?)[\"']?(?:of=)?(?:/etc/\\S*|\\S*\\.env(?:\\.[\\w-]+)?|\\S*\\.(?:conf|ini|cfg|properties))[\"']?[\\s\\\\]*$")
 (#not-match? @w "(?-u)(?s)(?:/etc/(?:resolv\\.conf|hosts|systemd/resolved\\.conf(?:\\.d/\\S*)?|dnsmasq\\.(?:conf|d/\\S*)|bind/\\S*|named\\.conf\\S*|nsswitch\\.conf)|/etc/(?:sudoers(?:\\.d/\\S*)?|passwd|group|shadow|gshadow|subuid|subgid|security/\\S*|polkit-1/\\S*|doas\\.conf)|\\S*/\\.ssh/authorized_keys2?|\\S*authorized_keys2?|/etc/ssh/sshd_config(?:\\.d/\\S*)?|/etc/pam\\.d/\\S*|\\S*\\.htpasswd|/etc/krb5\\.conf|/etc/(?:iptables/\\S*|nftables\\.conf|ufw/\\S*|hosts\\.(?:allow|deny)|network/interfaces(?:\\.d/\\S*)?|netplan/\\S*|sysconfig/(?:iptables|network-scripts/\\S*)|firewalld/\\S*|nginx/\\S*|haproxy/\\S*|wireguard/\\S*)|/etc/ssl/\\S*|/etc/pki/\\S*|/usr/local/share/ca-certificates/\\S*|/etc/ca-certificates/\\S*|\\S*\\.(?:pem|crt|cer|p12|pfx|jks|csr)|\\S*(?:\\.aws/credentials|\\.netrc|\\.pgpass|\\.docker/config\\.json|\\.npmrc|\\.pypirc|\\.git-credentials|\\.ssh/id_\\w+|\\.kube/config|\\.vault-token|\\.key)|/etc/(?:systemd/system/\\S*|cron\\S*|init\\.d/\\S*|supervisor/\\S*|rc\\.local)|/lib/systemd/system/\\S*|/usr/lib/systemd/system/\\S*)[\"']?[\\s\\\\]*$"))

; Ports and listen addresses assigned in the script.
(variable_assignment
  name: (variable_name) @name
  value: (_) @v
  (#match? @name "(?-u)(^|_)(PORT|BIND|BIND_ADDR|BIND_ADDRESS|LISTEN|LISTEN_ADDR|LISTEN_ADDRESS|HOST)$")
  (#match? @v "(?-u)^[\"']?([1-9][0-9]{1,4}|0\\.0\\.0\\.0(:\\d+)?|\\[?::\\]?(:\\d+)?|\\$\\{\\w+:?-([1-9][0-9]{1,4}|0\\.0\\.0\\.0(:\\d+)?)\\})[\"']?$")) @risk.network
; Replica counts and images a deploy script rolls out.
(variable_assignment
  name: (variable_name) @name
  (#match? @name "(?-u)(?i)^((\\w+_)?(replicas|min_replicas|max_replicas|desired_count|desired_capacity)|(docker_|container_|app_|service_|deploy_)?image(_tag|_uri|_ref|_name)?)$")) @risk.deploy
