#!/usr/bin/env bash
# One project walked through every step against the running system (start it with run.sh): 正威国际集团's 新材料
# project, from a cooperation intent in 安宁市 to production in 安宁工业园区. Prints each state with its time and the
# one trace id every request carries, then finds the project's traces in the Aspire Dashboard that run.sh started, by
# the project id every span about the project carries (zhaoshang.project.id), through the dashboard's telemetry API.
#   walkthrough.sh [LEAD_URL PROJECT_URL APPROVAL_URL FUNDING_URL]   (default http://127.0.0.1:5101 … 5104)
#   DASHBOARD_URL (default http://127.0.0.1:18888)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lead=${1:-http://127.0.0.1:5101} project=${2:-http://127.0.0.1:5102} approval=${3:-http://127.0.0.1:5103} funding=${4:-http://127.0.0.1:5104}
dashboard=${DASHBOARD_URL:-http://127.0.0.1:18888}
command -v jq >/dev/null || { echo "[walkthrough] installing jq"; apt-get install -y -qq jq >/dev/null; }
set -a
. "$root/deploy/local/dev.env"
set +a
bureau=$("$root/deploy/local/token.sh" bureau)
finance=$("$root/deploy/local/token.sh" finance)
trace=$(openssl rand -hex 16)
today=$(TZ=Asia/Shanghai date +%F)

# A request as staff: METHOD URL [JSON] [TOKEN]. Every request carries the same trace, as a front end following one project would.
call() {
  local response status
  response=$(curl -sS -X "$1" "$2" -H "Authorization: Bearer ${4:-$bureau}" -H "content-type: application/json" \
    -H "traceparent: 00-$trace-$(openssl rand -hex 8)-01" ${3:+-d "$3"} -w '\n%{http_code}')
  status=${response##*$'\n'}
  if [ "${status:0:1}" != 2 ]; then
    echo "[walkthrough] $1 $2 answered $status: ${response%$'\n'*}" >&2
    exit 1
  fi
  printf '%s' "${response%$'\n'*}"
}
show() { printf '%-34s %s\n' "$1" "$2"; }
project_json() { call GET "$project/api/projects/$project_id"; }
# A fresh valid unified social credit code (GB 32100-2015) for the project company, so the walk can be repeated.
new_uscc() {
  local alphabet=0123456789ABCDEFGHJKLMNPQRTUWXY weights=(1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28) body="91530181" sum=0 i c
  for _ in $(seq 1 9); do body+=${alphabet:$((RANDOM % 31)):1}; done
  for i in $(seq 0 16); do c=${body:$i:1}; c=${alphabet%%"$c"*}; sum=$((sum + ${#c} * weights[i])); done
  printf '%s%s' "$body" "${alphabet:$(((31 - sum % 31) % 31)):1}"
}
state_line() { project_json | jq -r '"\(.state)  since \(.stateEnteredAt)  next: \(.nextStep)"'; }
wait_for() { # JQ condition on the project, description; the project may not exist yet (404)
  for _ in $(seq 1 150); do
    [ "$(project_json 2>/dev/null | jq -r "$1")" = true ] && return
    sleep 0.2
  done
  echo "[walkthrough] timed out waiting until $2" >&2
  exit 1
}

echo "trace id for the whole walk: $trace"
uscc=91440300MA5EQ2L7HA
enterprise_id=$(call GET "$lead/api/enterprises?uscc=$uscc" | jq -r '.items[0].id // empty')
[ -n "$enterprise_id" ] || enterprise_id=$(call POST "$lead/api/enterprises" \
  '{"name":"正威国际集团有限公司","uscc":"'$uscc'","hqRegion":"粤港澳大湾区","industryChain":"新材料","chainRole":"ChainLeader","priority":"A"}' | jq -r .id)
show "target enterprise (重点目标企业)" "正威国际集团有限公司 $enterprise_id"

intent_id=$(call POST "$lead/api/intents" '{"enterpriseId":"'$enterprise_id'","industry":"新材料","intendedInvestment":1500000000.00,"district":"安宁市"}' | jq -r .id)
show "cooperation intent (合作意向)" "$(call GET "$lead/api/intents/$intent_id" | jq -r '"\(.status)  \(.createdAt)"')"
call POST "$lead/api/intents/$intent_id/follow-ups" \
  '{"kind":"VisitOut","occurredOn":"'$today'","summary":"赴深圳总部对接新材料产业园投资意向","nextStep":"安宁工业园区实地考察","nextStepOn":"'$today'"}' >/dev/null
show "first follow-up (跟进)" "$(call GET "$lead/api/intents/$intent_id" | jq -r '"\(.status)  \(.lastContactOn)"')"
call POST "$lead/api/intents/$intent_id/qualify" '{"reason":"符合安宁工业园区新材料产业定位"}' >/dev/null
show "assessed (研判)" "$(call GET "$lead/api/intents/$intent_id" | jq -r .status)"
project_id=$(call POST "$lead/api/intents/$intent_id/convert" | jq -r .projectId)
wait_for 'true' "the project service opens the project"
show "converted → project (项目)" "$project_id"
show "  project" "$(state_line)"

call POST "$project/api/projects/$project_id/sign" \
  '{"agreementNo":"AN-ZW-'${project_id:0:8}'","signedOn":"'$today'","contractedInvestment":1500000000.00,"park":"安宁工业园区"}' >/dev/null
show "signed (签约)" "$(state_line)"
wait_for '.approval != null and .funding != null' "the approval case and the funding ledger open"
show "  approval case (审批)" "$(call GET "$approval/api/projects/$project_id/approval-case" | jq -r '"\(.case.greenChannel), \(.items | length) items"')"

report_id=$(call POST "$funding/api/projects/$project_id/funds-reports" \
  '{"amount":300000000.00,"currency":"CNY","source":"OutsideProvince","use":"FixedAssets","reportedOn":"'$today'","evidenceRef":"银行进账单-ZW-001"}' | jq -r .id)
call POST "$funding/api/funds-reports/$report_id/verify" "" "$finance" >/dev/null
wait_for '.verifiedFundsCny > 0' "the verified funds reach the project"
show "funds in place verified (资金到位)" "$(project_json | jq -r '"\(.verifiedFundsCny) 元"')"

# The approval system (投资项目在线审批监管平台, "tzxm") reports each decision to the signed webhook.
for code in $(call GET "$approval/api/projects/$project_id/approval-case" | jq -r '.items[].code'); do
  body='{"decisionId":"TZXM-'$project_id'-'$code'","projectId":"'$project_id'","itemCode":"'$code'","outcome":"Granted","decidedAt":"'$(date -u +%FT%TZ)'","remarks":"准予许可"}'
  ts=$(date +%s) nonce=$(openssl rand -hex 16)
  signature=$(printf '%s' "$ts.$nonce.$body" | openssl dgst -sha256 -hmac "$ApprovalSystems__Secrets__tzxm" -hex | sed 's/^.* //')
  curl -sS -o /dev/null -X POST "$approval/api/integrations/tzxm/decisions" -H "content-type: application/json" \
    -H "traceparent: 00-$trace-$(openssl rand -hex 8)-01" -H "X-Zhaoshang-Timestamp: $ts" -H "X-Zhaoshang-Nonce: $nonce" \
    -H "X-Zhaoshang-Signature: $signature" -d "$body"
  show "  webhook: $code" "$(call GET "$approval/api/projects/$project_id/approval-case" | jq -r --arg c "$code" '.items[] | select(.code == $c) | .status')"
done
wait_for '.preLandApprovalsCompletedOn != null' "the pre-land approvals complete"
show "pre-land approvals complete" "$(project_json | jq -r .preLandApprovalsCompletedOn)"

call POST "$project/api/projects/$project_id/register" '{"companyName":"正威（安宁）新材料有限公司","companyUscc":"'"$(new_uscc)"'"}' >/dev/null
show "registered (注册落地)" "$(state_line)"
show "land acquired (拿地)" "$(call POST "$project/api/projects/$project_id/acquire-land" \
  '{"parcelId":"KCZ-AN-2026-017","areaMu":420.0,"contractDate":"'$today'"}' | jq -r '"\(.state)  since \(.stateEnteredAt)  next: \(.nextStep)"')"
wait_for '.state == "UnderConstruction"' "construction starts"
show "construction started (开工)" "$(state_line)"
show "  四证齐发" "$(call GET "$approval/api/projects/$project_id/approval-case" | jq -r '[.items[] | select(.status == "Issued") | .code] | join(", ")')"
call POST "$project/api/projects/$project_id/go-live" '{}' >/dev/null
show "in production (投产)" "$(state_line)"

echo
echo "timeline (who, when, from → to, trace):"
call GET "$project/api/projects/$project_id/timeline" | jq -r '.[] | "  \(.occurredAt)  \(.fromState // "—") → \(.toState)  \(.actorSubject // "")  trace \(.traceId)"'

# The project's telemetry in the dashboard: every span tagged with its id, by service and trace. The services export
# within a second or two (run.sh sets OTEL_BSP_SCHEDULE_DELAY), so the last spans may take a moment to arrive.
project_spans() {
  curl -fsS "$dashboard/api/telemetry/traces?limit=500" | jq -c --arg id "$project_id" '[.data.resourceSpans[]
    | (.resource.attributes[] | select(.key == "service.name") | .value.stringValue) as $service
    | .scopeSpans[].spans[] | select(any(.attributes[]?; .key == "zhaoshang.project.id" and .value.stringValue == $id))
    | {service: $service, trace: .traceId, name: .name}]'
}
echo
echo "telemetry: Aspire Dashboard $dashboard, project id $project_id"
if ! curl -fsS -o /dev/null "$dashboard/api/telemetry/resources" 2>/dev/null; then
  echo "  the dashboard does not answer (run.sh starts it); look up trace $trace in the OTLP backend of OTEL_EXPORTER_OTLP_ENDPOINT."
  exit 0
fi
for _ in $(seq 1 30); do
  spans=$(project_spans)
  [ "$(jq '[.[].service] | unique | length' <<<"$spans")" -ge 4 ] && break
  sleep 1
done
echo "  spans tagged zhaoshang.project.id=$project_id, by service:"
jq -r 'group_by(.service)[] | "    \(.[0].service): \(length) spans in \([.[].trace] | unique | length) trace(s)"' <<<"$spans"
echo "  traces of the project:"
jq -r '[.[].trace] | unique[]' <<<"$spans" | while read -r t; do echo "    $dashboard/traces/detail/$t"; done
echo "  in the page: $dashboard/traces, filter zhaoshang.project.id equals $project_id;"
echo "  logs: $dashboard/structuredlogs, filter zhaoshang.project.id equals $project_id;"
echo "  API: curl '$dashboard/api/telemetry/traces' (and /spans, /logs; OTLP JSON) and select spans by that attribute."
echo "  metrics (request rate and duration per endpoint, messages per consumer, outbox lag, _error queues,"
echo "  projects per state, overdue intents and items): $dashboard/metrics"
