#include <zlib.h>

/* deflateInit2 is a macro in zlib.h; Swift sees functions only. */
static inline int dailypapers_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
