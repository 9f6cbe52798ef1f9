// The embedding model's kernels in C, for the x86 intrinsics. Int8 matrix products for its dense layers, on the x86 instructions that multiply bytes:
// AVX-512 VNNI (16 columns per instruction) and AVX-VNNI (8). Elsewhere `dp_int8_instructions` answers 0 and the
// caller keeps its f32 path.
//
// Activations are quantized per row, asymmetrically, to unsigned bytes (x ≈ scale · (q − zero)); weights per output
// column, symmetrically, to signed bytes (w ≈ wscale · v). Then x·w = scale · wscale · (Σ q·v − zero · Σ v), and
// Σ v is computed once per column when the weights are packed.
#ifndef DAILYPAPERS_CKERNELS_H
#define DAILYPAPERS_CKERNELS_H

#include <stddef.h>
#include <stdint.h>

/// The best byte-product instructions this CPU has: 2 AVX-512 VNNI, 1 AVX-VNNI, 0 none.
int dp_int8_instructions(void);

/// Whether this CPU has the byte-product instructions numbered `instructions` (1 or 2, as above).
int dp_int8_supported(int instructions);

/// Bytes of packed weights for `columns` outputs of `depth` inputs (`columns` a multiple of 64, `depth` of 4).
size_t dp_int8_packed_bytes(int columns, int depth);

/// Quantizes the row-major `columns × depth` float matrix `weights` (one output per row, as PyTorch stores a linear
/// layer) into `packed`, with one scale and one sum of quantized values per output column.
void dp_int8_pack(const float *weights, int columns, int depth, int8_t *packed, float *scales, int32_t *sums);

/// Quantizes `rows` rows of `depth` floats into bytes, with each row's scale and zero point.
void dp_int8_quantize(const float *input, int rows, int depth, uint8_t *quantized, float *scales, int32_t *zeros);

/// `output[rows × columns] = input · weightsᵀ + bias`, from quantized rows and packed weights, with `instructions`
/// as `dp_int8_instructions` answered (1 or 2).
void dp_int8_multiply(
    int instructions, const uint8_t *quantized, const float *scales, const int32_t *zeros, int rows, int depth,
    const int8_t *packed, const float *weightScales, const int32_t *weightSums, const float *bias, int columns,
    float *output);

/// Whether softmax and GELU can run 16 floats wide here (AVX-512F); when not, the caller keeps its own loops.
int dp_vector512(void);

/// Each of `rows` rows of `count` scores (row stride `count`) turned into probabilities: exp(x − max) / Σ.
void dp_softmax_rows(float *scores, int rows, int count);

/// GELU as BERT defines it, 0.5·x·(1 + erf(x/√2)), over `count` values in place.
void dp_gelu(float *values, size_t count);

#endif
