/*
 * The pools' fast paths, inlined into rt_alloc and rt_dealloc (object.c); everything else is in pool.c.
 *
 * Why inline: taking a block from a size class is a few instructions, and a call per allocation and per
 * free would cost as much again (the runtime is built without link-time optimisation). Under valgrind
 * the fast paths are never taken: pool.c keeps that mode's free blocks in lists of its own, so these
 * lists stay empty and every block goes through pool.c, which tells memcheck about it.
 */
#ifndef TOOLCHAIN_POOL_H
#define TOOLCHAIN_POOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Blocks (prefixes included) of at most this many bytes come from the pools, in classes of 16-byte steps. */
#define RT_POOL_MAX_BLOCK 512
#define RT_POOL_CLASS_STEP 16
#define RT_POOL_CLASS_COUNT (RT_POOL_MAX_BLOCK / RT_POOL_CLASS_STEP)
#define RT_POOL_PAGE_SHIFT 14
#define RT_POOL_CHUNK_SHIFT 20
/* Bits of a user-space address (x86-64, and AArch64 with 48-bit virtual addresses). */
#define RT_POOL_ADDRESS_BITS 48
#define RT_POOL_MAP_LEAF_BITS 14
#define RT_POOL_MAP_TOP_BITS (RT_POOL_ADDRESS_BITS - RT_POOL_CHUNK_SHIFT - RT_POOL_MAP_LEAF_BITS)

/* The start of every 16 KiB page of a chunk. */
typedef struct rt_pool_page {
  uint32_t class_index;
  uint32_t block_size;
  uint64_t unused; /* keeps the first block 16-byte aligned */
} rt_pool_page;

/* Freed blocks of each class, linked through their first word (always empty under valgrind). */
extern void *rt_pool_free_lists[RT_POOL_CLASS_COUNT];
/* Which 1 MiB regions are pool chunks: map[address >> 34] is a bitmap of 2^14 regions, or NULL. */
extern uint64_t *rt_pool_chunk_map[(size_t)1 << RT_POOL_MAP_TOP_BITS];
/* Whether the program runs under valgrind, asked once before main. */
extern bool rt_pool_on_valgrind;

/* The slow paths (pool.c): a new block from the class's page or a new page, malloc for large blocks,
   valgrind's annotations. The block is zeroed over prefix + size. */
void *rt_pool_alloc_slow(size_t prefix, size_t size);
void rt_pool_free_slow(void *block, size_t prefix);

static inline bool rt_pool_owns(const void *block) {
  uintptr_t address = (uintptr_t)block;
  if ((address >> RT_POOL_ADDRESS_BITS) != 0) return false;
  const uint64_t *leaf = rt_pool_chunk_map[address >> (RT_POOL_CHUNK_SHIFT + RT_POOL_MAP_LEAF_BITS)];
  if (leaf == NULL) return false;
  size_t region = (address >> RT_POOL_CHUNK_SHIFT) & (((size_t)1 << RT_POOL_MAP_LEAF_BITS) - 1);
  return (leaf[region / 64] >> (region % 64)) & 1;
}

static inline const rt_pool_page *rt_pool_page_of(const void *block) {
  return (const rt_pool_page *)((uintptr_t)block & ~(((uintptr_t)1 << RT_POOL_PAGE_SHIFT) - 1));
}

/* A block of prefix + size bytes, all zero. */
static inline void *rt_pool_alloc(size_t prefix, size_t size) {
  size_t total = prefix + size;
  if (__builtin_expect(total <= RT_POOL_MAX_BLOCK, 1)) {
    size_t class_index = (total - 1) / RT_POOL_CLASS_STEP;
    void **block = rt_pool_free_lists[class_index];
    if (__builtin_expect(block != NULL, 1)) {
      rt_pool_free_lists[class_index] = *block;
      /* The whole block, a multiple of 16 bytes (outside valgrind nothing watches the slack), in
         16-byte stores: for the sizes pools serve they beat a call of memset, and the empty asm keeps
         the compiler from turning the loop back into one (or into `rep stos`, slower still). */
      typedef uint64_t pair_of_words __attribute__((vector_size(16), aligned(16)));
      pair_of_words *words = (pair_of_words *)block;
      for (size_t i = 0; i <= class_index; i++) {
        words[i] = (pair_of_words){0, 0};
        __asm__("" : "+r"(i));
      }
      return block;
    }
  }
  return rt_pool_alloc_slow(prefix, size);
}

/* Gives back a block from rt_pool_alloc with the same prefix size. */
static inline void rt_pool_free(void *block, size_t prefix) {
  /* Under valgrind a block must go through pool.c, which keeps it on lists of its own. */
  if (__builtin_expect(!rt_pool_on_valgrind && rt_pool_owns(block), 1)) {
    size_t class_index = rt_pool_page_of(block)->class_index;
    *(void **)block = rt_pool_free_lists[class_index];
    rt_pool_free_lists[class_index] = block;
    return;
  }
  rt_pool_free_slow(block, prefix);
}

#endif
