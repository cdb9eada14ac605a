/*
** Passwords (Argon2id through libsodium) and signing in, with the lock
** that grows after repeated failures.
*/
#ifndef APPRODO_AUTH_H
#define APPRODO_AUTH_H

#include <sodium.h>

#include "request.h"

#define PASSWORD_MIN 10
#define PASSWORD_MAX 200
#define LOGIN_FREE_ATTEMPTS 5

int password_hash(const char *, char out[crypto_pwhash_STRBYTES]);
int password_verify(const char *hash, const char *);
const char *password_problem(const char *);
long long login_lock_seconds(int failures);
int login(struct request *, const char *username, const char *password);
int login_remote_user(struct request *);

#endif
