/*
 * hello.c — the reference HTTP server for Pufa's benchmarks.
 *
 * A plain C libmicrohttpd server that answers GET /healthz (and any PUT or POST) with {"status":"ok"}
 * (any other path: 404). It is the "HTTP limit" pufa is compared against in
 * `make bench` (see Benchmarks/run.sh) and the subject of Benchmarks/threading.sh,
 * which compares libmicrohttpd's threading modes.
 *
 *   hello [--port P] [--threads N] [--mode epoll-pool|poll-pool|select-pool|thread-per-connection]
 *
 * Runs until SIGINT/SIGTERM. Prints "listening on 127.0.0.1:P mode=… threads=…" once ready.
 *
 * Build: cc -O2 -o hello hello.c $(pkg-config --cflags --libs libmicrohttpd)
 */
#include <microhttpd.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#if MHD_VERSION < 0x00097002
typedef int MHD_Result_t;
#else
typedef enum MHD_Result MHD_Result_t;
#endif

static const char OK_BODY[] = "{\"status\":\"ok\"}";
static const char NOT_FOUND_BODY[] = "{\"error\":{\"code\":\"not_found\",\"message\":\"not found\"}}";

static struct MHD_Response *ok_response;
static struct MHD_Response *not_found_response;

static MHD_Result_t handle(void *cls, struct MHD_Connection *connection, const char *url,
                           const char *method, const char *version, const char *upload_data,
                           size_t *upload_data_size, void **con_cls) {
    (void)cls; (void)version; (void)upload_data;
    /* First call: headers only. Answer on the second call: libmicrohttpd 0.9.75 closes the
     * connection (Connection: close, no keep-alive) when a response is queued on the first call. */
    if (*con_cls == NULL) {
        static int marker;
        *con_cls = &marker;
        return MHD_YES;
    }
    /* A body is read and dropped; the answer goes out once it has all arrived. */
    if (*upload_data_size != 0) {
        *upload_data_size = 0;
        return MHD_YES;
    }
    if ((strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0) && strcmp(url, "/healthz") == 0)
        return MHD_queue_response(connection, MHD_HTTP_OK, ok_response);
    /* Any PUT or POST gets the same constant answer: the reference for a benchmark's own requests (an exam save, a
     * quiz answer) sent by the same wrk script, so client and HTTP costs are the same on both sides. */
    if (strcmp(method, "PUT") == 0 || strcmp(method, "POST") == 0)
        return MHD_queue_response(connection, MHD_HTTP_OK, ok_response);
    return MHD_queue_response(connection, MHD_HTTP_NOT_FOUND, not_found_response);
}

static struct MHD_Response *json_response(const char *body) {
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(body), (void *)body,
                                                             MHD_RESPMEM_PERSISTENT);
    if (r == NULL) { fprintf(stderr, "hello: cannot create response\n"); exit(1); }
    MHD_add_response_header(r, "Content-Type", "application/json");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    return r;
}

static void usage(const char *argv0) {
    fprintf(stderr,
            "usage: %s [--port P] [--threads N] "
            "[--mode epoll-pool|poll-pool|select-pool|thread-per-connection]\n", argv0);
    exit(2);
}

static volatile sig_atomic_t stop;
static void on_signal(int sig) { (void)sig; stop = 1; }

int main(int argc, char **argv) {
    unsigned port = 8080, threads = 2;
    const char *mode = "epoll-pool";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--port") == 0 && i + 1 < argc) port = (unsigned)atoi(argv[++i]);
        else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc) threads = (unsigned)atoi(argv[++i]);
        else if (strcmp(argv[i], "--mode") == 0 && i + 1 < argc) mode = argv[++i];
        else usage(argv[0]);
    }
    if (port == 0 || port > 65535 || threads == 0) usage(argv[0]);

    unsigned int flags;
    int pool = 1;
    if (strcmp(mode, "epoll-pool") == 0) {
        flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL;
    } else if (strcmp(mode, "poll-pool") == 0) {
        flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL;
    } else if (strcmp(mode, "select-pool") == 0) {
        /* select(): sockets numbered >= FD_SETSIZE (1024) are refused by libmicrohttpd. */
        flags = MHD_USE_INTERNAL_POLLING_THREAD;
    } else if (strcmp(mode, "thread-per-connection") == 0) {
        /* One thread per connection; --threads is ignored (no pool with this mode). */
        flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL;
        pool = 0;
    } else {
        usage(argv[0]);
        return 2;
    }
    flags |= MHD_USE_ERROR_LOG;

    ok_response = json_response(OK_BODY);
    not_found_response = json_response(NOT_FOUND_BODY);

    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    struct MHD_OptionItem opts[] = {
        { MHD_OPTION_SOCK_ADDR, 0, &addr },
        { MHD_OPTION_CONNECTION_LIMIT, 10000, NULL },
        { MHD_OPTION_LISTEN_BACKLOG_SIZE, 4096, NULL },
        { MHD_OPTION_CONNECTION_TIMEOUT, 30, NULL },
        { pool ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END, threads, NULL },
        { MHD_OPTION_END, 0, NULL },
    };
    struct MHD_Daemon *d = MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, &handle, NULL,
                                            MHD_OPTION_ARRAY, opts, MHD_OPTION_END);
    if (d == NULL) {
        fprintf(stderr, "hello: MHD_start_daemon failed (mode=%s port=%u threads=%u): %s\n",
                mode, port, threads, strerror(errno));
        return 1;
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    printf("listening on 127.0.0.1:%u mode=%s threads=%u\n", port, mode, pool ? threads : 0);
    fflush(stdout);
    while (!stop) pause();

    MHD_stop_daemon(d);
    MHD_destroy_response(ok_response);
    MHD_destroy_response(not_found_response);
    return 0;
}
