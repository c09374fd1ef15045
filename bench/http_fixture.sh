# Sourced by bench/run.sh and bench/http_ab.sh: the fixture of the authenticated-GET figures on a
# server seeded by `parley_loadgen seed`. http_fixture URL DIR logs in as lgu1, fills
# town-square with 60 posts (it gets no seeded ones) and writes DIR/www/me.json and
# DIR/www/posts.json (the bytes nginx serves); sets TOKEN and CHANNEL. static_nginx DIR PORT
# starts nginx serving DIR/www on 127.0.0.1:PORT (pid in DIR/nginx.pid).
http_fixture() {
  local url=$1 dir=$2 team i
  TOKEN=$(curl -s -i -H 'Content-Type: application/json' -d '{"login_id":"lgu1@loadtest.example.com","password":"Loadtest-pass-1"}' \
    "$url/api/v4/users/login" | awk -F': ' 'tolower($1)=="token" {print $2}' | tr -d '\r')
  team=$(curl -sf -H "Authorization: Bearer $TOKEN" "$url/api/v4/teams/name/lg-team-0" | jq -r .id)
  CHANNEL=$(curl -sf -H "Authorization: Bearer $TOKEN" "$url/api/v4/teams/$team/channels/name/town-square" | jq -r .id)
  for i in $(seq 1 60); do
    curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d "{\"channel_id\":\"$CHANNEL\",\"message\":\"benchmark post $i with a few words of text\"}" "$url/api/v4/posts"
  done
  mkdir -p "$dir/www"
  curl -sf -H "Authorization: Bearer $TOKEN" "$url/api/v4/users/me" >"$dir/www/me.json"
  curl -sf -H "Authorization: Bearer $TOKEN" "$url/api/v4/channels/$CHANNEL/posts?page=0&per_page=60" >"$dir/www/posts.json"
}

static_nginx() {
  local dir=$1 port=$2
  mkdir -p "$dir/nginx-tmp"
  cat >"$dir/nginx.conf" <<NGINX
worker_processes $(nproc);
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  default_type application/json;
  keepalive_requests 1000000;
  client_body_temp_path $dir/nginx-tmp;
  proxy_temp_path $dir/nginx-tmp;
  fastcgi_temp_path $dir/nginx-tmp;
  uwsgi_temp_path $dir/nginx-tmp;
  scgi_temp_path $dir/nginx-tmp;
  server { listen 127.0.0.1:$port; root $dir/www; }
}
NGINX
  nginx -c "$dir/nginx.conf" -p "$dir"
}
