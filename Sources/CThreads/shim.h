// The calling thread's kernel id: on Linux a nice value set for it applies to that thread alone.
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

static inline int dailypapers_thread_id(void) {
#ifdef SYS_gettid
    return (int)syscall(SYS_gettid);
#else
    return 0;
#endif
}
