/*
** The baseline of the benchmark: the smallest FastCGI program, answering
** a fixed page, run the same way as Approdo's programs behind the same
** nginx. Approdo's pages are measured as a fraction of it.
*/
#include <fcgiapp.h>

int
main(void)
{
	static const char page[] =
	    "Status: 200 OK\r\nContent-Type: text/plain\r\n"
	    "Content-Length: 13\r\n\r\nHello, world\n";
	FCGX_Request req;

	FCGX_Init();
	FCGX_InitRequest(&req, 0, 0);
	while (FCGX_Accept_r(&req) >= 0) {
		FCGX_PutStr(page, sizeof page - 1, req.out);
		FCGX_Finish_r(&req);
	}
	return 0;
}
