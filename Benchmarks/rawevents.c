/*
 * rawevents.c — the storage reference of the event-ingestion benchmark (Benchmarks/events.sh).
 *
 * Inserts N event rows into a fresh database whose `events` table is created from the very statement pufa's own
 * database holds (read from its sqlite_master, so the reference keeps the same columns, unique key and index),
 * with plain prepared inserts, in transactions of B rows, with the settings of pufa's writer (WAL, synchronous=FULL,
 * a 32 MB page cache, a checkpoint every 4,000 pages), on one
 * thread and nothing else running. Rows look like the benchmark's: a device person, a unique client id per event,
 * one of three kinds, a piece, the day and hour. Prints "rows N seconds S rows_per_second R".
 *
 * It answers one question: how many raw event rows a second can SQLite store here at all — before any rollup, person
 * row, HTTP or JSON. Ingestion must store ten events per batch, so batches/s can never exceed a tenth of this.
 *
 *   rawevents PUFA_DB SCRATCH_DB [rows=1000000] [batch=5000]
 *
 * Build: cc -O2 -o rawevents rawevents.c -lsqlite3
 */
#include <sqlite3.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void check(int rc, sqlite3 *db, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "rawevents: %s: %s\n", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        exit(1);
    }
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Copies the CREATE statements of `events` and its indexes from pufa's database into the scratch database. */
static void copy_schema(sqlite3 *from, sqlite3 *to) {
    sqlite3_stmt *s;
    check(sqlite3_prepare_v2(from, "SELECT sql FROM sqlite_master WHERE tbl_name = 'events' AND sql IS NOT NULL "
                                   "ORDER BY type = 'index'", -1, &s, NULL), from, "read schema");
    int tables = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *sql = (const char *)sqlite3_column_text(s, 0);
        check(sqlite3_exec(to, sql, NULL, NULL, NULL), to, sql);
        tables++;
    }
    sqlite3_finalize(s);
    if (tables == 0) { fprintf(stderr, "rawevents: no events table in the pufa database\n"); exit(1); }
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s PUFA_DB SCRATCH_DB [rows] [batch]\n", argv[0]); return 2; }
    long rows = argc > 3 ? atol(argv[3]) : 1000000, batch = argc > 4 ? atol(argv[4]) : 5000;
    sqlite3 *pufa, *db;
    check(sqlite3_open_v2(argv[1], &pufa, SQLITE_OPEN_READONLY, NULL), NULL, "open pufa database");
    unlink(argv[2]);
    check(sqlite3_open(argv[2], &db), NULL, "open scratch database");
    check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=OFF; "
                                 "PRAGMA cache_size=-32768; PRAGMA wal_autocheckpoint=4000; PRAGMA temp_store=MEMORY;", NULL, NULL, NULL), db, "pragmas");
    copy_schema(pufa, db);
    sqlite3_close(pufa);

    sqlite3_stmt *insert;
    check(sqlite3_prepare_v2(db,
        "INSERT INTO events (person, client_id, kind, content_id, campaign_id, channel, at, day, hour, seconds, depth, label, "
        "clamped, received_at) VALUES (?, ?, ?, ?, NULL, '', ?, '2026-11-23', ?, ?, ?, '', NULL, ?) "
        "ON CONFLICT (person, client_id) DO NOTHING", -1, &insert, NULL), db, "prepare");
    static const char *kinds[] = { "opened", "read", "finished" };
    char person[64], client[48];
    long long at = 1763856000000LL;
    double start = now_seconds();
    for (long i = 0; i < rows; i++) {
        if (i % batch == 0) check(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL), db, "begin");
        /* Persons as pufa keys devices: "d:" and a 16-byte digest in hex; 2,000 devices, ten events each per batch. */
        unsigned long device = (unsigned long)(i / 10 % 2000);
        snprintf(person, sizeof person, "d:%016lx%016lx", device * 0x9E3779B97F4A7C15UL, device * 0xBF58476D1CE4E5B9UL);
        snprintf(client, sizeof client, "t%ld-%ld", i / 10, i % 10);
        sqlite3_bind_text(insert, 1, person, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, client, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 3, kinds[i % 3], -1, SQLITE_STATIC);
        sqlite3_bind_int(insert, 4, 1 + (int)(i % 20));
        sqlite3_bind_int64(insert, 5, at + i);
        sqlite3_bind_int(insert, 6, (int)(i / 100000 % 24));
        sqlite3_bind_int(insert, 7, i % 3 == 1 ? 15 : 0);
        sqlite3_bind_double(insert, 8, i % 3 == 1 ? 0.6 : 0);
        sqlite3_bind_int64(insert, 9, at + i);
        check(sqlite3_step(insert), db, "insert");
        sqlite3_reset(insert);
        if ((i + 1) % batch == 0 || i + 1 == rows) check(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), db, "commit");
    }
    double seconds = now_seconds() - start;
    sqlite3_finalize(insert);
    sqlite3_close(db);
    printf("rows %ld seconds %.3f rows_per_second %.0f\n", rows, seconds, rows / seconds);
    return 0;
}
