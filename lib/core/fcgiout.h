#ifndef APPRODO_FCGIOUT_H
#define APPRODO_FCGIOUT_H

#include <stddef.h>
#include <fcgiapp.h>

int fastcgi_respond(FCGX_Request *req, const char *head, size_t nhead,
    const char *body, size_t nbody);

#endif
