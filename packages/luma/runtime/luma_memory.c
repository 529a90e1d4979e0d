/*
 * LumaScript's raw memory: `alloc(T, n)` and `free(p)` for the low-level library and C interop, and
 * `mempool`, a pool of fixed-size blocks for programs that allocate many objects of one size.
 *
 * alloc zeroes what it gives (calloc), so a `ptr<T>` never reads garbage; running out of memory ends
 * the program as the managed allocator does (rt_out_of_memory).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

void *luma_alloc(int64_t bytes) {
  if (bytes < 0) rt_out_of_memory();
  void *memory = calloc(1, bytes == 0 ? 1 : (size_t)bytes);
  if (memory == NULL) rt_out_of_memory();
  return memory;
}

void luma_free(void *memory) {
  free(memory);
}

/*
 * A pool hands out blocks of one size from chunks it mallocs (each twice the last, from 64 blocks up
 * to 64K), takes them back onto a free list, and frees every chunk when it is reset or dropped. Why
 * a pool beside alloc: a block costs a pointer bump or a free-list pop, and the memory of many small
 * nodes goes back in a few free() calls.
 */
enum { MEMPOOL_TYPE_ID = 24, FIRST_CHUNK_BLOCKS = 64, LARGEST_CHUNK_BLOCKS = 65536 };

typedef struct chunk {
  struct chunk *next;
  int64_t blocks;
  _Alignas(16) unsigned char memory[];
} chunk;

typedef struct luma_mempool {
  rt_object header;
  int64_t block_size; /* at least a pointer, a multiple of 16 (blocks are 16-byte aligned) */
  chunk *chunks;      /* newest first */
  unsigned char *bump, *bump_end; /* the newest chunk's part never handed out */
  void *free_blocks;  /* blocks given back, each holding the next one's address */
  int64_t live;       /* blocks handed out and not given back */
  int64_t requested;  /* the size the program asked for */
} luma_mempool;

static void free_chunks(luma_mempool *pool) {
  for (chunk *c = pool->chunks, *next; c != NULL; c = next) {
    next = c->next;
    free(c);
  }
  pool->chunks = NULL;
  pool->bump = pool->bump_end = NULL;
  pool->free_blocks = NULL;
  pool->live = 0;
}

static void mempool_drop(rt_object *object) {
  free_chunks((luma_mempool *)object);
}

const rt_layout luma_mempool_layout = {
    .name = "mempool",
    .type_id = MEMPOOL_TYPE_ID,
    .flags = 0,
    .size = sizeof(luma_mempool),
    .drop = mempool_drop,
    .traverse = NULL,
};

luma_mempool *luma_mempool_new(int64_t block_size) {
  /* Positive: compiled code checks it, and a size beyond the address space fails as malloc does. */
  luma_mempool *pool = (luma_mempool *)rt_alloc(&luma_mempool_layout, sizeof(luma_mempool), NULL);
  pool->requested = block_size;
  pool->block_size = (block_size + 15) / 16 * 16;
  return pool;
}

void *luma_mempool_alloc(luma_mempool *pool) {
  void *block = pool->free_blocks;
  if (block != NULL) {
    pool->free_blocks = *(void **)block;
  } else {
    if (pool->bump == pool->bump_end) {
      int64_t blocks = pool->chunks == NULL ? FIRST_CHUNK_BLOCKS : pool->chunks->blocks * 2;
      if (blocks > LARGEST_CHUNK_BLOCKS) blocks = LARGEST_CHUNK_BLOCKS;
      chunk *c = malloc(sizeof(chunk) + (size_t)(blocks * pool->block_size));
      if (c == NULL) rt_out_of_memory();
      c->next = pool->chunks;
      c->blocks = blocks;
      pool->chunks = c;
      pool->bump = c->memory;
      pool->bump_end = c->memory + blocks * pool->block_size;
    }
    block = pool->bump;
    pool->bump += pool->block_size;
  }
  pool->live++;
  memset(block, 0, (size_t)pool->requested);
  return block;
}

void luma_mempool_free(luma_mempool *pool, void *block) {
  if (block == NULL) return;
  *(void **)block = pool->free_blocks;
  pool->free_blocks = block;
  pool->live--;
}

void luma_mempool_reset(luma_mempool *pool) {
  free_chunks(pool);
}

int64_t luma_mempool_live(luma_mempool *pool) {
  return pool->live;
}

int64_t luma_mempool_block_size(luma_mempool *pool) {
  return pool->requested;
}
