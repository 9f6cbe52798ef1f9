#include "CKernels.h"

#include <math.h>

#if defined(__x86_64__)
#include <immintrin.h>

int dp_vector512(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f");
}

// e^x for x ≤ 88 with Cephes' single-precision polynomial (relative error about 2e-7), as VectorMath.exp; 2ⁿ comes
// from scalef.
__attribute__((target("avx512f"))) static inline __m512 exp512(__m512 x) {
    x = _mm512_min_ps(_mm512_max_ps(x, _mm512_set1_ps(-87.3f)), _mm512_set1_ps(88.3f));
    __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504f)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
    r = _mm512_fmadd_ps(n, _mm512_set1_ps(2.12194440e-4f), r);
    __m512 p = _mm512_set1_ps(1.9875691500e-4f);
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.3981999507e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(8.3334519073e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665795894e-2f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666665459e-1f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(5.0000001201e-1f));
    p = _mm512_add_ps(_mm512_fmadd_ps(_mm512_mul_ps(p, r), r, r), _mm512_set1_ps(1));
    return _mm512_scalef_ps(p, n);
}

__attribute__((target("avx512f"))) static void softmax512(float *row, int count) {
    __m512 maxima = _mm512_set1_ps(-INFINITY);
    for (int k = 0; k < count; k += 16) {
        __mmask16 mask = count - k >= 16 ? 0xFFFF : (__mmask16)((1u << (count - k)) - 1);
        maxima = _mm512_max_ps(maxima, _mm512_mask_loadu_ps(_mm512_set1_ps(-INFINITY), mask, row + k));
    }
    __m512 shift = _mm512_set1_ps(_mm512_reduce_max_ps(maxima));
    __m512 sums = _mm512_setzero_ps();
    for (int k = 0; k < count; k += 16) {
        __mmask16 mask = count - k >= 16 ? 0xFFFF : (__mmask16)((1u << (count - k)) - 1);
        __m512 e = exp512(_mm512_sub_ps(_mm512_maskz_loadu_ps(mask, row + k), shift));
        _mm512_mask_storeu_ps(row + k, mask, e);
        sums = _mm512_add_ps(sums, _mm512_maskz_mov_ps(mask, e));
    }
    __m512 scale = _mm512_set1_ps(1 / _mm512_reduce_add_ps(sums));
    for (int k = 0; k < count; k += 16) {
        __mmask16 mask = count - k >= 16 ? 0xFFFF : (__mmask16)((1u << (count - k)) - 1);
        _mm512_mask_storeu_ps(row + k, mask, _mm512_mul_ps(_mm512_maskz_loadu_ps(mask, row + k), scale));
    }
}

void dp_softmax_rows(float *scores, int rows, int count) {
    for (int r = 0; r < rows; r++) softmax512(scores + (size_t)r * count, count);
}

// erf from Abramowitz–Stegun 7.1.26 (error < 1.5e-7), as VectorMath.gelu.
__attribute__((target("avx512f"))) static inline __m512 gelu512(__m512 x) {
    __m512 z = _mm512_mul_ps(x, _mm512_set1_ps(0.7071067812f));
    __m512 a = _mm512_abs_ps(z);
    __m512 t = _mm512_div_ps(_mm512_set1_ps(1), _mm512_fmadd_ps(a, _mm512_set1_ps(0.3275911f), _mm512_set1_ps(1)));
    __m512 poly = _mm512_set1_ps(1.061405429f);
    poly = _mm512_fmadd_ps(poly, t, _mm512_set1_ps(-1.453152027f));
    poly = _mm512_fmadd_ps(poly, t, _mm512_set1_ps(1.421413741f));
    poly = _mm512_fmadd_ps(poly, t, _mm512_set1_ps(-0.284496736f));
    poly = _mm512_fmadd_ps(poly, t, _mm512_set1_ps(0.254829592f));
    __m512 e = exp512(_mm512_sub_ps(_mm512_setzero_ps(), _mm512_mul_ps(a, a)));
    __m512 erfAbs = _mm512_fnmadd_ps(_mm512_mul_ps(poly, t), e, _mm512_set1_ps(1));
    __mmask16 negative = _mm512_cmp_ps_mask(z, _mm512_setzero_ps(), _CMP_LT_OQ);
    __m512 erf = _mm512_mask_sub_ps(erfAbs, negative, _mm512_setzero_ps(), erfAbs);
    return _mm512_mul_ps(_mm512_mul_ps(_mm512_set1_ps(0.5f), x), _mm512_add_ps(_mm512_set1_ps(1), erf));
}

__attribute__((target("avx512f"))) void dp_gelu(float *values, size_t count) {
    for (size_t k = 0; k < count; k += 16) {
        __mmask16 mask = count - k >= 16 ? 0xFFFF : (__mmask16)((1u << (count - k)) - 1);
        _mm512_mask_storeu_ps(values + k, mask, gelu512(_mm512_maskz_loadu_ps(mask, values + k)));
    }
}

#else

int dp_vector512(void) { return 0; }
void dp_softmax_rows(float *scores, int rows, int count) { (void)scores, (void)rows, (void)count; }
void dp_gelu(float *values, size_t count) { (void)values, (void)count; }

#endif
