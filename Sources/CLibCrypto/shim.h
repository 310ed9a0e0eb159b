// One-shot digests from OpenSSL's libcrypto, wrapped so Swift sees two plain functions instead of the EVP API.
#ifndef PUFA_CLIBCRYPTO_SHIM_H
#define PUFA_CLIBCRYPTO_SHIM_H

#include <stddef.h>
#include <openssl/evp.h>

// MD5 of `len` bytes at `data` into `out`. Returns 1 on success, 0 on failure. `data` may be NULL when `len` is 0.
static inline int pufa_md5(const void *data, size_t len, unsigned char out[16]) {
    unsigned int written = 0;
    return EVP_Digest(data, len, out, &written, EVP_md5(), NULL) == 1 && written == 16;
}

// SHA-256 of `len` bytes at `data` into `out`. Returns 1 on success, 0 on failure.
static inline int pufa_sha256(const void *data, size_t len, unsigned char out[32]) {
    unsigned int written = 0;
    return EVP_Digest(data, len, out, &written, EVP_sha256(), NULL) == 1 && written == 32;
}

#endif
