#!/usr/bin/env bash
# Sourced by the engine tests: starts two ClickHouse servers on loopback ports in a temporary folder,
# forming the two-shard cluster `lead_cluster` (a `remote_servers` entry on each), and stops them
# by PID and removes the folder on `ch_stop`.
#
#   source tests/sql/clickhouse_cluster.sh; ch_start DIR; ch_query PORT "SELECT 1"; ch_stop
CH_PIDS=()
CH_PORTS=()
CH_DIR=

ch_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

ch_start() {
  CH_DIR=$1
  local tcp1 tcp2 i
  tcp1=$(ch_free_port); tcp2=$(ch_free_port)
  while [[ $tcp2 == "$tcp1" ]]; do tcp2=$(ch_free_port); done
  CH_PORTS=("$tcp1" "$tcp2")
  for i in 0 1; do
    local dir=$CH_DIR/server$i http inter
    http=$(ch_free_port); inter=$(ch_free_port)
    mkdir -p "$dir/data" "$dir/tmp" "$dir/user_files" "$dir/format_schemas"
    cat > "$dir/users.xml" <<XML
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
    <profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
XML
    cat > "$dir/config.xml" <<XML
<yandex>
  <logger><level>warning</level><log>$dir/server.log</log><errorlog>$dir/server.err.log</errorlog>
    <console>0</console></logger>
  <tcp_port>${CH_PORTS[$i]}</tcp_port>
  <http_port>$http</http_port>
  <interserver_http_port>$inter</interserver_http_port>
  <listen_host>127.0.0.1</listen_host>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/format_schemas/</format_schema_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>20</max_concurrent_queries>
  <remote_servers>
    <lead_cluster>
      <shard><replica><host>127.0.0.1</host><port>${CH_PORTS[0]}</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>${CH_PORTS[1]}</port></replica></shard>
    </lead_cluster>
  </remote_servers>
</yandex>
XML
    clickhouse-server --config-file="$dir/config.xml" > "$dir/stdout.log" 2>&1 &
    CH_PIDS+=($!)
  done
  for i in 0 1; do
    local tries=0
    until clickhouse-client --host 127.0.0.1 --port "${CH_PORTS[$i]}" --query "SELECT 1" > /dev/null 2>&1; do
      tries=$((tries + 1))
      if (( tries > 120 )) || ! kill -0 "${CH_PIDS[$i]}" 2> /dev/null; then
        echo "clickhouse server $i did not start:" >&2
        tail -20 "$CH_DIR/server$i/server.err.log" "$CH_DIR/server$i/stdout.log" >&2 2> /dev/null
        return 1
      fi
      sleep 0.5
    done
  done
}

# ch_query SERVER_INDEX SQL [client options...]: runs SQL on server 0 or 1.
ch_query() {
  local i=$1 q=$2
  shift 2
  clickhouse-client --host 127.0.0.1 --port "${CH_PORTS[$i]}" "$@" --query "$q"
}

ch_stop() {
  local pid
  for pid in "${CH_PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${CH_PIDS[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2> /dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
  done
  CH_PIDS=()
  [[ -n $CH_DIR ]] && rm -rf "$CH_DIR/server0" "$CH_DIR/server1"
}
