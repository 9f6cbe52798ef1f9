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

#ifdef __GLIBC__
#include <malloc.h>
#endif

// Keeps a long-running server's memory close to what it holds (glibc only; elsewhere nothing): at most `arenas`
// malloc arenas instead of eight per core, and blocks of `mmapThreshold` bytes or more mapped on their own, so freeing
// one returns it to the system at once instead of leaving a hole in the heap.
static inline void dailypapers_tune_malloc(int arenas, int mmapThreshold) {
#ifdef __GLIBC__
    mallopt(M_ARENA_MAX, arenas);
    mallopt(M_MMAP_THRESHOLD, mmapThreshold);
#endif
}
