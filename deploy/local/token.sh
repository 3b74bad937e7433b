#!/usr/bin/env bash
# Prints a bearer token for trying the APIs by hand, signed with the development key (dev.env) or with
# $Auth__SigningKey when set. Valid for 8 hours.
#   token.sh bureau | finance | auditor
#   token.sh district 安宁市
#   token.sh park 安宁工业园区
# e.g.  curl -H "Authorization: Bearer $(deploy/local/token.sh bureau)" http://127.0.0.1:5102/api/projects/<id>
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
usage() { echo "usage: $0 bureau|finance|auditor | district DISTRICT | park PARK" >&2; exit 2; }

role=${1:-}
scope=${2:-}
case "$role" in
  bureau|finance|auditor) [ -z "$scope" ] || usage; scope_claim="" ;;
  district|park)
    [ -n "$scope" ] || usage
    case "$scope" in *'"'*|*'\'*) echo "the $role name may not contain quotes or backslashes" >&2; exit 2 ;; esac
    scope_claim="\"$role\":\"$scope\"," ;;
  *) usage ;;
esac

if [ -z "${Auth__SigningKey:-}" ]; then
  Auth__SigningKey=$(sed -n 's/^Auth__SigningKey=//p' "$root/deploy/local/dev.env")
fi
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"sub":"dev-%s%s","role":"%s",%s"iss":"zhaoshang","aud":"zhaoshang-api","iat":%d,"nbf":%d,"exp":%d}' \
  "$role" "${scope:+-$scope}" "$role" "$scope_claim" "$now" "$now" "$((now + 8 * 3600))" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$Auth__SigningKey" -binary | b64url)
echo "$header.$payload.$signature"
