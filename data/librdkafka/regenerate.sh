#!/usr/bin/env bash
# Regenerates properties-1.9.2.tsv from the librdkafka this workspace builds
# (rdkafka-sys 4.3.0, librdkafka 1.9.2, configured as Doris BE's: OpenSSL, Cyrus SASL,
# libcurl, zlib, zstd). Run after `cargo build` with the librdkafka feature. The test
# `be_model_table_is_librdkafkas` checks the committed file against the library.
set -euo pipefail
cd "$(dirname "$0")/../.."
newest() { ls -td target/debug/build/$1-*/out 2>/dev/null | head -1; }
RDK="$(newest rdkafka-sys)"
SASL="$(newest sasl2-sys)"
CURL="$(newest curl-sys)"
ZSTD="$(newest zstd-sys)"
test -n "$RDK" || { echo "build the workspace first (cargo build)" >&2; exit 1; }
TMP="$(mktemp -d)"
cc -w -I"$RDK/src" -I"$RDK" data/librdkafka/dump-properties.c -o "$TMP/dump" \
  "$RDK/src/librdkafka.a" -L"$SASL/install/lib" -L"$CURL/build" -L"$ZSTD" \
  -lsasl2 -lcurl -lzstd -lssl -lcrypto -lz -lpthread -ldl -lrt -lm
{
  printf 'level\tname\ttype\tflags\tvmin\tvmax\tvdef\tsdef\tunsupported\tvalidator\tset_handler\ts2i\tinvalid_text\tdmin\tdmax\tddef\tdesc\n'
  "$TMP/dump"
} > data/librdkafka/properties-1.9.2.tsv
rm -rf "$TMP"
wc -l data/librdkafka/properties-1.9.2.tsv
