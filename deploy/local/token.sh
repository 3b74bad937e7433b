#!/usr/bin/env bash
# Prints a bearer token for trying the APIs by hand: signs in at the OpenID Connect provider (run.sh starts it on
# 127.0.0.1:5105) as one of its demo users, by the password grant of the client zhaoshang-cli.
#   token.sh bureau | finance | auditor
#   token.sh district 安宁市 | district 呈贡区
#   token.sh park 安宁工业园区
#   token.sh --user USERNAME         any account (the bureau creates them: POST /api/users on the provider);
#                                    its password from $ZS_PASSWORD
# The provider's address, the client secret and the demo password come from dev.env unless set in the environment
# (ZS_IDENTITY, Identity__CliClientSecret, Identity__DemoPassword).
# e.g.  curl -H "Authorization: Bearer $(deploy/local/token.sh bureau)" http://127.0.0.1:5102/api/projects/<id>
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
usage() { echo "usage: $0 bureau|finance|auditor | district DISTRICT | park PARK | --user USERNAME" >&2; exit 2; }
dev() { sed -n "s/^$1=//p" "$root/deploy/local/dev.env"; }

identity=${ZS_IDENTITY:-http://127.0.0.1:5105}
secret=${Identity__CliClientSecret:-$(dev Identity__CliClientSecret)}
password=${Identity__DemoPassword:-$(dev Identity__DemoPassword)}
role=${1:-}
scope=${2:-}
case "$role" in
  bureau|finance|auditor) [ -z "$scope" ] || usage; user=$role ;;
  district)
    case "$scope" in
      安宁市) user=anning ;;
      呈贡区) user=chenggong ;;
      *) echo "no demo user for district '$scope' (安宁市, 呈贡区); create one and use --user" >&2; exit 2 ;;
    esac ;;
  park)
    case "$scope" in
      安宁工业园区) user=anning-park ;;
      *) echo "no demo user for park '$scope' (安宁工业园区); create one and use --user" >&2; exit 2 ;;
    esac ;;
  --user) [ -n "$scope" ] || usage; user=$scope; password=${ZS_PASSWORD:?set ZS_PASSWORD to the account\'s password} ;;
  *) usage ;;
esac

response=$(curl -sS -X POST "${identity%/}/connect/token" \
  --data-urlencode grant_type=password --data-urlencode client_id=zhaoshang-cli --data-urlencode "client_secret=$secret" \
  --data-urlencode "username=$user" --data-urlencode "password=$password")
token=$(printf '%s' "$response" | tr -d '\n' | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
if [ -z "$token" ]; then
  echo "the provider at $identity refused $user: $response" >&2
  exit 1
fi
echo "$token"
