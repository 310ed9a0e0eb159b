/*
 * durable.c — the reference for a durable save in Pufa's benchmarks: the plain C libmicrohttpd server of hello.c,
 * except that every PUT or POST is answered only once its body is committed to SQLite durably.
 *
 * It does what a save must do at the least, with nothing else around it (no session, no CSRF, no checks):
 *
 *   - the daemon is set up as pufa's (epoll with an internal thread pool, --threads 4, connection limit 10000,
 *     listen backlog 4096, 30 s timeout, 16 KiB per connection, suspend/resume allowed);
 *   - the body is read, the connection is suspended (no request thread waits for the disk) and the request is
 *     handed to ONE writer thread;
 *   - the writer takes every request waiting (up to 256) into one transaction (BEGIN IMMEDIATE … COMMIT) on a WAL
 *     database with synchronous=FULL — pufa's group commit — then resumes each connection, which answers 200;
 *   - per request it writes the rows pufa writes:
 *       PUT …/attempts/A/responses/S  {"seq":N,…,"response":R}  an exam save: a row appended to response_steps and
 *                                     the upsert of responses (A, S) that only a newer seq replaces;
 *       PUT …/quiz/entries/E/answers/S {…,"response":R}         a quiz answer: one quiz_answers (E, S) row, a replay
 *                                     changes nothing (answered "replayed":true, as pufa does);
 *     the tables have pufa's keys and indexes (quiz_answers is keyed by the entry's public id here);
 *   - the WAL is checkpointed as pufa does: PASSIVE every 0.5 s from its own thread and connection, and the writer's
 *     automatic checkpoint every 4,000 pages.
 *
 * GET /healthz answers {"status":"ok"} at once; any other request: 404 (unknown path) or 400 (a save without a seq).
 *
 *   durable --db PATH [--port P] [--threads N] [--synchronous full|normal|off] [--no-store]
 *
 * --synchronous and --no-store are for experiments only (how much of the cost is the flush, the rows, or the hand-off
 * to the writer and back); the benchmarks use neither (synchronous=full, rows written).
 * Runs until SIGINT/SIGTERM, then answers what is queued and stops. Prints "listening on 127.0.0.1:P …" once ready.
 *
 * Build: cc -O2 -pthread -o durable durable.c $(pkg-config --cflags --libs libmicrohttpd sqlite3)
 */
#include <microhttpd.h>
#include <sqlite3.h>

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#if MHD_VERSION < 0x00097002
typedef int MHD_Result_t;
#else
typedef enum MHD_Result MHD_Result_t;
#endif

enum { MAX_BATCH = 256, MAX_BODY = 64 * 1024, CHECKPOINT_PAGES = 4000 };

static const char SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS responses (attempt_id INTEGER NOT NULL, slot INTEGER NOT NULL, seq INTEGER NOT NULL,"
    "  response TEXT NOT NULL, saved_at INTEGER NOT NULL, PRIMARY KEY (attempt_id, slot)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS response_steps (attempt_id INTEGER NOT NULL, slot INTEGER NOT NULL,"
    "  seq INTEGER NOT NULL, response TEXT NOT NULL, saved_at INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS response_steps_attempt ON response_steps(attempt_id, slot, seq);"
    "CREATE TABLE IF NOT EXISTS quiz_answers (entry_id TEXT NOT NULL, slot INTEGER NOT NULL,"
    "  response_json TEXT NOT NULL, fraction REAL NOT NULL, late INTEGER NOT NULL DEFAULT 0,"
    "  answered_at INTEGER NOT NULL, PRIMARY KEY (entry_id, slot)) WITHOUT ROWID;";
/* The same statements as pufa's ExamSQL.insertStep / upsertResponse and QuizSQL.insertAnswer. */
static const char INSERT_STEP[] =
    "INSERT INTO response_steps (attempt_id, slot, seq, response, saved_at) VALUES (?, ?, ?, ?, ?)";
static const char UPSERT_RESPONSE[] =
    "INSERT INTO responses (attempt_id, slot, seq, response, saved_at) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (attempt_id, slot) DO UPDATE SET seq = excluded.seq, response = excluded.response,"
    " saved_at = excluded.saved_at WHERE excluded.seq > responses.seq";
static const char INSERT_ANSWER[] =
    "INSERT INTO quiz_answers (entry_id, slot, response_json, fraction, late, answered_at) VALUES (?, ?, ?, 1, 0, ?)"
    " ON CONFLICT (entry_id, slot) DO NOTHING";

enum kind { SAVE = 1, ANSWER = 2 };
enum state { READING, QUEUED, DONE };

/* One request, kept in *con_cls from the first call to the request-completed callback. */
struct request {
    struct MHD_Connection *connection;
    struct request *next;             /* in the writer's queue */
    char *body;
    size_t length, capacity;
    int too_large;
    enum state state;
    enum kind kind;
    long long id, slot, seq;          /* attempt id (a save) */
    char entry[64];                   /* entry public id (an answer) */
    const char *response;             /* the "response" value inside body */
    size_t response_length;
    int failed, replayed;             /* set by the writer before it resumes the connection */
};

static struct MHD_Response *ok_response, *saved_response, *stored_response, *replayed_response;
static struct MHD_Response *not_found_response, *bad_request_response, *too_large_response, *failed_response;

/* The writer's queue. */
static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t queue_ready = PTHREAD_COND_INITIALIZER;
static struct request *queue_head, *queue_tail;
static int stopping;
static long long batches, committed;  /* written by the writer only; printed at exit */

static sqlite3 *db;
static sqlite3_stmt *insert_step, *upsert_response, *insert_answer;
static const char *db_path;
static int no_store;   /* --no-store: the writer resumes each batch without touching the database */

static volatile sig_atomic_t stop;
static void on_signal(int sig) { (void)sig; stop = 1; }

static void fatal(const char *what) {
    fprintf(stderr, "durable: %s: %s\n", what, db ? sqlite3_errmsg(db) : strerror(errno));
    exit(1);
}

static long long now_millis(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* --- parsing: just enough to find the keys, as pufa's router and JSON reader do ------------------------------- */

/* The decimal number right after `key` in `text`, or -1. */
static long long number_after(const char *text, size_t length, const char *key) {
    size_t n = strlen(key);
    for (size_t i = 0; i + n <= length; i++) {
        if (memcmp(text + i, key, n) != 0) continue;
        long long v = 0;
        size_t j = i + n;
        if (j >= length || text[j] < '0' || text[j] > '9') return -1;
        for (; j < length && text[j] >= '0' && text[j] <= '9' && v < 1000000000000000LL; j++) v = v * 10 + (text[j] - '0');
        return v;
    }
    return -1;
}

/* Fills in the kind and keys from the URL (…/attempts/A/responses/S or …/quiz/entries/E/answers/S); 0 if neither. */
static int parse_url(struct request *r, const char *url) {
    const char *p;
    size_t n = strlen(url);
    if ((p = strstr(url, "/responses/")) != NULL && strstr(url, "/attempts/") != NULL) {
        r->kind = SAVE;
        r->id = number_after(url, n, "/attempts/");
        r->slot = number_after(p, strlen(p), "/responses/");
        return r->id >= 0 && r->slot >= 0;
    }
    if ((p = strstr(url, "/answers/")) != NULL && (url = strstr(url, "/entries/")) != NULL) {
        url += strlen("/entries/");
        size_t len = (size_t)(p - url);
        if (len == 0 || len >= sizeof r->entry) return 0;
        memcpy(r->entry, url, len);
        r->entry[len] = '\0';
        r->kind = ANSWER;
        r->slot = number_after(p, strlen(p), "/answers/");
        return r->slot >= 0;
    }
    return 0;
}

/* Points r->response at the value of "response" (up to the body's closing brace); 0 if there is none. */
static int find_response(struct request *r) {
    static const char key[] = "\"response\":";
    for (size_t i = 0; i + sizeof key - 1 <= r->length; i++) {
        if (memcmp(r->body + i, key, sizeof key - 1) != 0) continue;
        size_t start = i + sizeof key - 1, end = r->length;
        while (end > start && r->body[end - 1] != '}') end--;
        if (end <= start + 1) return 0;
        r->response = r->body + start;
        r->response_length = end - 1 - start;
        return 1;
    }
    return 0;
}

/* --- the writer: group commit ------------------------------------------------------------------------------------ */

static int step(sqlite3_stmt *s) {
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* Writes one request's rows inside the open transaction; -1 on an error. */
static int write_rows(struct request *r, long long now) {
    if (r->kind == SAVE) {
        sqlite3_stmt *statements[] = { insert_step, upsert_response };
        for (int i = 0; i < 2; i++) {
            sqlite3_stmt *s = statements[i];
            sqlite3_bind_int64(s, 1, r->id);
            sqlite3_bind_int64(s, 2, r->slot);
            sqlite3_bind_int64(s, 3, r->seq);
            sqlite3_bind_text(s, 4, r->response, (int)r->response_length, SQLITE_STATIC);
            sqlite3_bind_int64(s, 5, now);
            if (step(s) != 0) return -1;
        }
        return 0;
    }
    sqlite3_bind_text(insert_answer, 1, r->entry, -1, SQLITE_STATIC);
    sqlite3_bind_int64(insert_answer, 2, r->slot);
    sqlite3_bind_text(insert_answer, 3, r->response, (int)r->response_length, SQLITE_STATIC);
    sqlite3_bind_int64(insert_answer, 4, now);
    if (step(insert_answer) != 0) return -1;
    r->replayed = sqlite3_changes(db) == 0;
    return 0;
}

/* Commits a batch: each request's rows, then one COMMIT (the flush); on any error the whole batch fails (500). */
static void commit_batch(struct request **batch, int count) {
    if (no_store) {
        for (int i = 0; i < count; i++) {
            batch[i]->state = DONE;
            MHD_resume_connection(batch[i]->connection);
        }
        return;
    }
    int failed = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK;
    long long now = now_millis();
    for (int i = 0; i < count && !failed; i++) failed = write_rows(batch[i], now) != 0;
    if (!failed) failed = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK;
    if (failed) {
        fprintf(stderr, "durable: batch of %d failed: %s\n", count, sqlite3_errmsg(db));
        if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    }
    for (int i = 0; i < count; i++) {
        batch[i]->failed = failed;
        batch[i]->state = DONE;
        MHD_resume_connection(batch[i]->connection);
    }
}

static void *writer_main(void *arg) {
    (void)arg;
    struct request *batch[MAX_BATCH];
    for (;;) {
        pthread_mutex_lock(&queue_lock);
        while (queue_head == NULL && !stopping) pthread_cond_wait(&queue_ready, &queue_lock);
        int count = 0;
        while (queue_head != NULL && count < MAX_BATCH) {
            batch[count++] = queue_head;
            queue_head = queue_head->next;
        }
        if (queue_head == NULL) queue_tail = NULL;
        pthread_mutex_unlock(&queue_lock);
        if (count == 0) return NULL;   /* stopping, and nothing left */
        commit_batch(batch, count);
        batches++;
        committed += count;
    }
}

static void enqueue(struct request *r) {
    pthread_mutex_lock(&queue_lock);
    r->next = NULL;
    if (queue_tail) queue_tail->next = r; else queue_head = r;
    queue_tail = r;
    pthread_cond_signal(&queue_ready);
    pthread_mutex_unlock(&queue_lock);
}

/* PASSIVE checkpoints every 0.5 s on their own connection, so that commits seldom copy the WAL themselves. */
static void *checkpointer_main(void *arg) {
    (void)arg;
    sqlite3 *c;
    if (sqlite3_open(db_path, &c) != SQLITE_OK) return NULL;
    sqlite3_busy_timeout(c, 5000);
    while (!stop) {
        usleep(500 * 1000);
        sqlite3_wal_checkpoint_v2(c, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }
    sqlite3_close(c);
    return NULL;
}

static void open_database(const char *synchronous) {
    char pragmas[256];
    if (sqlite3_open(db_path, &db) != SQLITE_OK) fatal("cannot open the database");
    sqlite3_busy_timeout(db, 5000);
    snprintf(pragmas, sizeof pragmas,
             "PRAGMA journal_mode = WAL; PRAGMA synchronous = %s; PRAGMA temp_store = MEMORY;"
             " PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = %d;", synchronous, CHECKPOINT_PAGES);
    if (sqlite3_exec(db, pragmas, NULL, NULL, NULL) != SQLITE_OK) fatal("cannot set the pragmas");
    if (sqlite3_exec(db, SCHEMA, NULL, NULL, NULL) != SQLITE_OK) fatal("cannot create the tables");
    if (sqlite3_prepare_v2(db, INSERT_STEP, -1, &insert_step, NULL) != SQLITE_OK
        || sqlite3_prepare_v2(db, UPSERT_RESPONSE, -1, &upsert_response, NULL) != SQLITE_OK
        || sqlite3_prepare_v2(db, INSERT_ANSWER, -1, &insert_answer, NULL) != SQLITE_OK) fatal("cannot prepare");
}

/* --- HTTP ----------------------------------------------------------------------------------------------------- */

static MHD_Result_t handle(void *cls, struct MHD_Connection *connection, const char *url,
                           const char *method, const char *version, const char *upload_data,
                           size_t *upload_data_size, void **con_cls) {
    (void)cls; (void)version;
    struct request *r = *con_cls;
    /* First call: headers only. Answer on a later call: libmicrohttpd 0.9.75 closes the connection when a response
     * is queued on the first call (see hello.c). */
    if (r == NULL) {
        r = calloc(1, sizeof *r);
        if (r == NULL) return MHD_NO;
        r->connection = connection;
        *con_cls = r;
        return MHD_YES;
    }
    if (*upload_data_size != 0) {
        size_t n = *upload_data_size;
        *upload_data_size = 0;
        if (r->too_large || r->length + n > MAX_BODY) { r->too_large = 1; return MHD_YES; }
        if (r->length + n > r->capacity) {
            size_t capacity = r->capacity ? r->capacity : 256;
            while (capacity < r->length + n) capacity *= 2;
            char *body = realloc(r->body, capacity);
            if (body == NULL) return MHD_NO;
            r->body = body;
            r->capacity = capacity;
        }
        memcpy(r->body + r->length, upload_data, n);
        r->length += n;
        return MHD_YES;
    }
    /* Resumed by the writer: the rows are durable (or the batch failed). */
    if (r->state == DONE) {
        if (r->failed) return MHD_queue_response(connection, MHD_HTTP_INTERNAL_SERVER_ERROR, failed_response);
        if (r->kind == ANSWER)
            return MHD_queue_response(connection, MHD_HTTP_OK, r->replayed ? replayed_response : stored_response);
        return MHD_queue_response(connection, MHD_HTTP_OK, saved_response);
    }
    if ((strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0) && strcmp(url, "/healthz") == 0)
        return MHD_queue_response(connection, MHD_HTTP_OK, ok_response);
    if (strcmp(method, "PUT") != 0 && strcmp(method, "POST") != 0)
        return MHD_queue_response(connection, MHD_HTTP_NOT_FOUND, not_found_response);
    if (r->too_large) return MHD_queue_response(connection, MHD_HTTP_CONTENT_TOO_LARGE, too_large_response);
    if (!parse_url(r, url)) return MHD_queue_response(connection, MHD_HTTP_NOT_FOUND, not_found_response);
    if (r->kind == SAVE) r->seq = number_after(r->body ? r->body : "", r->length, "\"seq\":");
    if ((r->kind == SAVE && r->seq < 0) || !find_response(r))
        return MHD_queue_response(connection, MHD_HTTP_BAD_REQUEST, bad_request_response);
    /* Suspended before it is queued, so the writer can never resume a connection that is not suspended yet. */
    r->state = QUEUED;
    MHD_suspend_connection(connection);
    enqueue(r);
    return MHD_YES;
}

static void completed(void *cls, struct MHD_Connection *connection, void **con_cls,
                      enum MHD_RequestTerminationCode code) {
    (void)cls; (void)connection; (void)code;
    struct request *r = *con_cls;
    if (r == NULL) return;
    free(r->body);
    free(r);
    *con_cls = NULL;
}

static struct MHD_Response *json_response(const char *body) {
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(body), (void *)body, MHD_RESPMEM_PERSISTENT);
    if (r == NULL) { fprintf(stderr, "durable: cannot create response\n"); exit(1); }
    MHD_add_response_header(r, "Content-Type", "application/json");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    return r;
}

static void usage(const char *argv0) {
    fprintf(stderr, "usage: %s --db PATH [--port P] [--threads N] [--synchronous full|normal|off] [--no-store]\n", argv0);
    exit(2);
}

int main(int argc, char **argv) {
    unsigned port = 8080, threads = 4;
    const char *synchronous = "FULL";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--port") == 0 && i + 1 < argc) port = (unsigned)atoi(argv[++i]);
        else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc) threads = (unsigned)atoi(argv[++i]);
        else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) db_path = argv[++i];
        else if (strcmp(argv[i], "--synchronous") == 0 && i + 1 < argc) synchronous = argv[++i];
        else if (strcmp(argv[i], "--no-store") == 0) no_store = 1;
        else usage(argv[0]);
    }
    if (port == 0 || port > 65535 || threads == 0 || db_path == NULL) usage(argv[0]);
    if (strcasecmp(synchronous, "full") != 0 && strcasecmp(synchronous, "normal") != 0
        && strcasecmp(synchronous, "off") != 0) usage(argv[0]);

    open_database(synchronous);
    ok_response = json_response("{\"status\":\"ok\"}");
    saved_response = json_response("{\"ok\":true}");
    stored_response = json_response("{\"ok\":true,\"replayed\":false}");
    replayed_response = json_response("{\"ok\":true,\"replayed\":true}");
    not_found_response = json_response("{\"error\":{\"code\":\"not_found\",\"message\":\"not found\"}}");
    bad_request_response = json_response("{\"error\":{\"code\":\"bad_request\",\"message\":\"a save needs a seq and a response\"}}");
    too_large_response = json_response("{\"error\":{\"code\":\"too_large\",\"message\":\"body too large\"}}");
    failed_response = json_response("{\"error\":{\"code\":\"internal\",\"message\":\"not stored\"}}");

    pthread_t writer, checkpointer;
    if (pthread_create(&writer, NULL, writer_main, NULL) != 0
        || pthread_create(&checkpointer, NULL, checkpointer_main, NULL) != 0) fatal("cannot start the threads");

    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    /* pufa's daemon: Sources/HTTPServer/Server.swift and Sources/CMicroHTTPD/shim.h, ServerConfiguration's values. */
    unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
    struct MHD_OptionItem opts[] = {
        { MHD_OPTION_SOCK_ADDR, 0, &addr },
        { MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)completed, NULL },
        { MHD_OPTION_THREAD_POOL_SIZE, threads, NULL },
        { MHD_OPTION_CONNECTION_LIMIT, 10000, NULL },
        { MHD_OPTION_CONNECTION_TIMEOUT, 30, NULL },
        { MHD_OPTION_LISTEN_BACKLOG_SIZE, 4096, NULL },
        { MHD_OPTION_CONNECTION_MEMORY_LIMIT, 16 * 1024, NULL },
        { MHD_OPTION_END, 0, NULL },
    };
    struct MHD_Daemon *d = MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, &handle, NULL,
                                            MHD_OPTION_ARRAY, opts, MHD_OPTION_END);
    if (d == NULL) {
        fprintf(stderr, "durable: MHD_start_daemon failed (port=%u threads=%u): %s\n", port, threads, strerror(errno));
        return 1;
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    printf("listening on 127.0.0.1:%u mode=epoll-pool threads=%u synchronous=%s db=%s%s\n", port, threads, synchronous, db_path,
           no_store ? " (no-store: nothing written)" : "");
    fflush(stdout);
    while (!stop) pause();

    /* Answer what is queued (the writer drains the queue, resuming every connection), then stop. */
    MHD_quiesce_daemon(d);
    pthread_mutex_lock(&queue_lock);
    stopping = 1;
    pthread_cond_signal(&queue_ready);
    pthread_mutex_unlock(&queue_lock);
    pthread_join(writer, NULL);
    pthread_join(checkpointer, NULL);
    fprintf(stderr, "durable: %lld requests in %lld transactions (%.1f a transaction)\n", committed, batches,
            batches ? (double)committed / (double)batches : 0.0);
    MHD_stop_daemon(d);
    sqlite3_finalize(insert_step);
    sqlite3_finalize(upsert_response);
    sqlite3_finalize(insert_answer);
    sqlite3_close(db);
    return 0;
}
