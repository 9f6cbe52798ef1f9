#include "CKernels.h"

#include <math.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

// Packed weights: panels of 16 columns; in a panel, for each group of 4 inputs, 16 columns × 4 bytes (64 bytes), so
// one 64-byte load feeds one AVX-512 VNNI instruction and each 32-byte half one AVX-VNNI instruction.
enum { PANEL = 16, GROUP = 4, BLOCK_COLUMNS = 64, BLOCK_ROWS = 4 };

int dp_int8_supported(int instructions) {
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
    __builtin_cpu_init();
    if (instructions == 2) return __builtin_cpu_supports("avx512vnni") && __builtin_cpu_supports("avx512bw");
    if (instructions == 1) return __builtin_cpu_supports("avxvnni");
#endif
    (void)instructions;
    return 0;
}

int dp_int8_instructions(void) {
    if (dp_int8_supported(2)) return 2;
    if (dp_int8_supported(1)) return 1;
    return 0;
}

size_t dp_int8_packed_bytes(int columns, int depth) { return (size_t)columns * (size_t)depth; }

void dp_int8_pack(const float *weights, int columns, int depth, int8_t *packed, float *scales, int32_t *sums) {
    for (int column = 0; column < columns; column++) {
        const float *row = weights + (size_t)column * depth;
        float largest = 0;
        for (int k = 0; k < depth; k++) largest = fmaxf(largest, fabsf(row[k]));
        float scale = largest > 0 ? largest / 127 : 1;
        int32_t sum = 0;
        int8_t *panel = packed + (size_t)(column / PANEL) * PANEL * depth;
        for (int k = 0; k < depth; k++) {
            long value = lrintf(row[k] / scale);
            value = value > 127 ? 127 : (value < -127 ? -127 : value);
            panel[(size_t)(k / GROUP) * PANEL * GROUP + (column % PANEL) * GROUP + k % GROUP] = (int8_t)value;
            sum += (int32_t)value;
        }
        scales[column] = scale;
        sums[column] = sum;
    }
}

// A row's range widened to include 0, so that the zero point is a byte and a zero stays exactly zero; its scale,
// its zero point and the reciprocal of the scale.
static void row_range(float low, float high, float *scale, int32_t *zero, float *inverse) {
    low = fminf(low, 0);
    high = fmaxf(high, 0);
    *scale = high > low ? (high - low) / 255 : 1;
    *inverse = 1 / *scale;
    *zero = (int32_t)lrintf(-low * *inverse);
}

static void quantize_plain(const float *row, int depth, uint8_t *out, float *scale, int32_t *zero) {
    float low = 0, high = 0, inverse;
    for (int k = 0; k < depth; k++) {
        low = fminf(low, row[k]);
        high = fmaxf(high, row[k]);
    }
    row_range(low, high, scale, zero, &inverse);
    for (int k = 0; k < depth; k++) {
        long value = lrintf(row[k] * inverse) + *zero;
        out[k] = (uint8_t)(value > 255 ? 255 : (value < 0 ? 0 : value));
    }
}

#if defined(__x86_64__)

// The same, 16 values per instruction (depth a multiple of 16); rounding to nearest even, as lrintf.
__attribute__((target("avx512f"))) static void quantize512(const float *row, int depth, uint8_t *out, float *scale, int32_t *zero) {
    __m512 low = _mm512_setzero_ps(), high = _mm512_setzero_ps();
    for (int k = 0; k < depth; k += 16) {
        __m512 x = _mm512_loadu_ps(row + k);
        low = _mm512_min_ps(low, x);
        high = _mm512_max_ps(high, x);
    }
    float inverse;
    row_range(_mm512_reduce_min_ps(low), _mm512_reduce_max_ps(high), scale, zero, &inverse);
    __m512 factor = _mm512_set1_ps(inverse);
    __m512i shift = _mm512_set1_epi32(*zero), floor = _mm512_setzero_si512();
    for (int k = 0; k < depth; k += 16) {
        __m512i value = _mm512_add_epi32(_mm512_cvtps_epi32(_mm512_mul_ps(_mm512_loadu_ps(row + k), factor)), shift);
        // Unsigned saturation caps at 255 once negatives are floored at 0.
        _mm_storeu_si128((__m128i *)(out + k), _mm512_cvtusepi32_epi8(_mm512_max_epi32(value, floor)));
    }
}

// The same, 8 values per instruction (depth a multiple of 8).
__attribute__((target("avx2"))) static void quantize256(const float *row, int depth, uint8_t *out, float *scale, int32_t *zero) {
    __m256 low = _mm256_setzero_ps(), high = _mm256_setzero_ps();
    for (int k = 0; k < depth; k += 8) {
        __m256 x = _mm256_loadu_ps(row + k);
        low = _mm256_min_ps(low, x);
        high = _mm256_max_ps(high, x);
    }
    float lows[8], highs[8], inverse;
    _mm256_storeu_ps(lows, low);
    _mm256_storeu_ps(highs, high);
    for (int i = 1; i < 8; i++) {
        lows[0] = fminf(lows[0], lows[i]);
        highs[0] = fmaxf(highs[0], highs[i]);
    }
    row_range(lows[0], highs[0], scale, zero, &inverse);
    __m256 factor = _mm256_set1_ps(inverse);
    __m256i shift = _mm256_set1_epi32(*zero);
    for (int k = 0; k < depth; k += 8) {
        __m256i value = _mm256_add_epi32(_mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(row + k), factor)), shift);
        __m128i words = _mm_packus_epi32(_mm256_castsi256_si128(value), _mm256_extracti128_si256(value, 1));
        _mm_storel_epi64((__m128i *)(out + k), _mm_packus_epi16(words, words));
    }
}

#endif

void dp_int8_quantize(const float *input, int rows, int depth, uint8_t *quantized, float *scales, int32_t *zeros) {
#if defined(__x86_64__)
    static int wide = -1, narrow = -1;
    if (wide < 0) {
        __builtin_cpu_init();
        wide = __builtin_cpu_supports("avx512f");
        narrow = __builtin_cpu_supports("avx2");
    }
#else
    const int wide = 0, narrow = 0;
#endif
    for (int r = 0; r < rows; r++) {
        const float *row = input + (size_t)r * depth;
        uint8_t *out = quantized + (size_t)r * depth;
#if defined(__x86_64__)
        if (wide && depth % 16 == 0) {
            quantize512(row, depth, out, scales + r, zeros + r);
            continue;
        }
        if (narrow && depth % 8 == 0) {
            quantize256(row, depth, out, scales + r, zeros + r);
            continue;
        }
#endif
        quantize_plain(row, depth, out, scales + r, zeros + r);
    }
}

#if defined(__x86_64__)

// One tile of ROWS rows × 64 columns with AVX-512 VNNI: 4 × ROWS accumulators, each input group of 4 bytes broadcast
// to every lane and multiplied with 4 panels' 64 bytes.
#define AVX512_TILE(ROWS)                                                                                              \
    __attribute__((target("avx512f,avx512bw,avx512vnni"))) static void tile512_##ROWS(                               \
        const uint8_t *a, const float *scales, const int32_t *zeros, int depth, const int8_t *b,                     \
        const float *weightScales, const int32_t *weightSums, const float *bias, int columns, float *out) {          \
        __m512i acc[ROWS][4];                                                                                          \
        for (int r = 0; r < ROWS; r++)                                                                                 \
            for (int j = 0; j < 4; j++) acc[r][j] = _mm512_setzero_si512();                                            \
        const size_t panel = (size_t)PANEL * depth;                                                                    \
        for (int g = 0; g < depth / GROUP; g++) {                                                                      \
            __m512i w0 = _mm512_loadu_si512(b + g * 64), w1 = _mm512_loadu_si512(b + panel + g * 64);                 \
            __m512i w2 = _mm512_loadu_si512(b + 2 * panel + g * 64), w3 = _mm512_loadu_si512(b + 3 * panel + g * 64); \
            for (int r = 0; r < ROWS; r++) {                                                                           \
                int32_t word;                                                                                          \
                __builtin_memcpy(&word, a + (size_t)r * depth + g * GROUP, 4);                                         \
                __m512i x = _mm512_set1_epi32(word);                                                                   \
                acc[r][0] = _mm512_dpbusd_epi32(acc[r][0], x, w0);                                                     \
                acc[r][1] = _mm512_dpbusd_epi32(acc[r][1], x, w1);                                                     \
                acc[r][2] = _mm512_dpbusd_epi32(acc[r][2], x, w2);                                                     \
                acc[r][3] = _mm512_dpbusd_epi32(acc[r][3], x, w3);                                                     \
            }                                                                                                          \
        }                                                                                                              \
        for (int r = 0; r < ROWS; r++) {                                                                               \
            __m512i zero = _mm512_set1_epi32(zeros[r]);                                                                \
            __m512 scale = _mm512_set1_ps(scales[r]);                                                                  \
            for (int j = 0; j < 4; j++) {                                                                              \
                __m512i sums = _mm512_mullo_epi32(zero, _mm512_loadu_si512(weightSums + j * 16));                      \
                __m512 value = _mm512_cvtepi32_ps(_mm512_sub_epi32(acc[r][j], sums));                                  \
                __m512 factor = _mm512_mul_ps(scale, _mm512_loadu_ps(weightScales + j * 16));                          \
                _mm512_storeu_ps(out + (size_t)r * columns + j * 16,                                                   \
                                 _mm512_fmadd_ps(value, factor, _mm512_loadu_ps(bias + j * 16)));                      \
            }                                                                                                          \
        }                                                                                                              \
    }

AVX512_TILE(1)
AVX512_TILE(2)
AVX512_TILE(3)
AVX512_TILE(4)

// The same tile with AVX-VNNI: 8 columns per instruction, so each panel takes two accumulators.
#define AVX256_TILE(ROWS)                                                                                              \
    __attribute__((target("avx2,fma,avxvnni"))) static void tile256_##ROWS(                                          \
        const uint8_t *a, const float *scales, const int32_t *zeros, int depth, const int8_t *b,                     \
        const float *weightScales, const int32_t *weightSums, const float *bias, int columns, float *out) {          \
        for (int half = 0; half < 2; half++) {                                                                         \
            __m256i acc[ROWS][4];                                                                                      \
            for (int r = 0; r < ROWS; r++)                                                                             \
                for (int j = 0; j < 4; j++) acc[r][j] = _mm256_setzero_si256();                                        \
            const size_t panel = (size_t)PANEL * depth;                                                                \
            const int8_t *base = b + half * 2 * panel;                                                                 \
            for (int g = 0; g < depth / GROUP; g++) {                                                                  \
                const int8_t *p0 = base + g * 64, *p1 = base + panel + g * 64;                                         \
                __m256i w0 = _mm256_loadu_si256((const __m256i *)p0);                                                  \
                __m256i w1 = _mm256_loadu_si256((const __m256i *)(p0 + 32));                                           \
                __m256i w2 = _mm256_loadu_si256((const __m256i *)p1);                                                  \
                __m256i w3 = _mm256_loadu_si256((const __m256i *)(p1 + 32));                                           \
                for (int r = 0; r < ROWS; r++) {                                                                       \
                    int32_t word;                                                                                      \
                    __builtin_memcpy(&word, a + (size_t)r * depth + g * GROUP, 4);                                     \
                    __m256i x = _mm256_set1_epi32(word);                                                               \
                    acc[r][0] = _mm256_dpbusd_avx_epi32(acc[r][0], x, w0);                                             \
                    acc[r][1] = _mm256_dpbusd_avx_epi32(acc[r][1], x, w1);                                             \
                    acc[r][2] = _mm256_dpbusd_avx_epi32(acc[r][2], x, w2);                                             \
                    acc[r][3] = _mm256_dpbusd_avx_epi32(acc[r][3], x, w3);                                             \
                }                                                                                                      \
            }                                                                                                          \
            for (int r = 0; r < ROWS; r++) {                                                                           \
                __m256i zero = _mm256_set1_epi32(zeros[r]);                                                            \
                __m256 scale = _mm256_set1_ps(scales[r]);                                                              \
                for (int j = 0; j < 4; j++) {                                                                          \
                    int c = half * 32 + j * 8;                                                                         \
                    __m256i sums = _mm256_mullo_epi32(zero, _mm256_loadu_si256((const __m256i *)(weightSums + c)));    \
                    __m256 value = _mm256_cvtepi32_ps(_mm256_sub_epi32(acc[r][j], sums));                              \
                    __m256 factor = _mm256_mul_ps(scale, _mm256_loadu_ps(weightScales + c));                           \
                    _mm256_storeu_ps(out + (size_t)r * columns + c,                                                    \
                                     _mm256_fmadd_ps(value, factor, _mm256_loadu_ps(bias + c)));                        \
                }                                                                                                      \
            }                                                                                                          \
        }                                                                                                              \
    }

AVX256_TILE(1)
AVX256_TILE(2)
AVX256_TILE(3)
AVX256_TILE(4)

typedef void (*Tile)(const uint8_t *, const float *, const int32_t *, int, const int8_t *, const float *,
                     const int32_t *, const float *, int, float *);

void dp_int8_multiply(
    int instructions, const uint8_t *quantized, const float *scales, const int32_t *zeros, int rows, int depth,
    const int8_t *packed, const float *weightScales, const int32_t *weightSums, const float *bias, int columns,
    float *output) {
    static const Tile wide[BLOCK_ROWS + 1] = {0, tile512_1, tile512_2, tile512_3, tile512_4};
    static const Tile narrow[BLOCK_ROWS + 1] = {0, tile256_1, tile256_2, tile256_3, tile256_4};
    const Tile *tiles = instructions >= 2 ? wide : narrow;
    // Column blocks outside, rows inside: a block's weights (64 columns × depth bytes) stay in cache for every row.
    for (int c = 0; c < columns; c += BLOCK_COLUMNS) {
        const int8_t *block = packed + (size_t)c * depth;
        for (int r = 0; r < rows; r += BLOCK_ROWS) {
            int count = rows - r < BLOCK_ROWS ? rows - r : BLOCK_ROWS;
            tiles[count](quantized + (size_t)r * depth, scales + r, zeros + r, depth, block, weightScales + c,
                         weightSums + c, bias + c, columns, output + (size_t)r * columns + c);
        }
    }
}

#else

void dp_int8_multiply(
    int instructions, const uint8_t *quantized, const float *scales, const int32_t *zeros, int rows, int depth,
    const int8_t *packed, const float *weightScales, const int32_t *weightSums, const float *bias, int columns,
    float *output) {
    (void)instructions, (void)quantized, (void)scales, (void)zeros, (void)rows, (void)depth, (void)packed;
    (void)weightScales, (void)weightSums, (void)bias, (void)columns, (void)output;
}

#endif
