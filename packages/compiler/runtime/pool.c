/*
 * Memory for objects: size-class pools for small blocks, malloc for the rest (fast paths in pool.h).
 *
 * Why: a program allocates and frees small objects all the time, and most are a few sizes. Blocks of
 * up to 512 bytes come in 32 classes of 16-byte steps (16, 32, ..., 512), as CPython's obmalloc does;
 * taking one is popping its class's free list, giving it back is pushing it, with no search, no
 * splitting, no coalescing and no header of its own. Larger blocks go to malloc, which handles them
 * well and gives their memory back.
 *
 * Where blocks live: chunks of 1 MiB, aligned to 1 MiB and obtained from malloc (so valgrind sees
 * them as heap blocks, reachable from `chunks`), cut into 16 KiB pages, each page serving one class.
 * A page starts with a small header naming its class, so a freed block finds its class by rounding
 * its address down to the page. To tell a pool block from a malloc'd one, a two-level bitmap keyed by
 * the 1 MiB region of the address says which regions are chunks (obmalloc's radix tree, the same
 * idea): two loads, and never a read of memory the pool does not own. A class takes blocks from its
 * current page with a bump pointer and from fresh pages; freed blocks return to the class's free list
 * and are reused first. Pool memory is never given back to the system: a program's peak of small
 * objects stays reserved for it, the usual trade of a pool allocator.
 *
 * Valgrind: with <valgrind/memcheck.h> available, each object is announced as a heap block
 * (VALGRIND_MALLOCLIKE_BLOCK on the object's own bytes, from its header, so the prefixes and the
 * collector's list through them do not make leaked objects look reachable) and withdrawn on free
 * (VALGRIND_FREELIKE_BLOCK), and free memory is kept inaccessible: memcheck reports a use after free,
 * a read past the object's end and a leaked object as it would for malloc. A malloc'd chunk holding
 * such blocks is ignored by the leak check; an empty one is still reachable from `chunks`. In that
 * mode the free blocks are kept on lists of this file's own, so the inlined fast paths always come
 * here; outside valgrind the annotations cost nothing on the fast paths.
 *
 * Measured (packages/compiler/bench/object_alloc_bench.c: a 32-byte object without references; gcc
 * 12.2 -O2, glibc 2.36, a 2-core x86-64 VM shared with other work (load 5-6), best of 5 in each of 4
 * runs, the ranges over the runs), in ns per object:
 *   allocate and free one at a time:     rt_alloc + rt_dealloc 4.5-6.1; malloc + memset + free 8.2-10.6
 *                                        (calloc + free 12.6-16.3);
 *   allocate 1,000,000, then free them:  rt_alloc + rt_dealloc 5.1-5.9; malloc + memset + free 12.6-15.9.
 * So about twice as fast as glibc one at a time and 2.5 times in bulk. (Before the fast paths were
 * inlined from pool.h, through calls and memset, it was 9.6 against malloc's 8.6.)
 */
#include <stdlib.h>
#include <string.h>

#include "pool.h"
#include "runtime.h"

#if defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define HAVE_VALGRIND 1
#endif
#endif

#ifndef HAVE_VALGRIND
#define RUNNING_ON_VALGRIND 0
#define VALGRIND_MALLOCLIKE_BLOCK(address, size, redzone, zeroed) ((void)0)
#define VALGRIND_FREELIKE_BLOCK(address, redzone) ((void)0)
#define VALGRIND_MAKE_MEM_NOACCESS(address, size) ((void)0)
#define VALGRIND_MAKE_MEM_UNDEFINED(address, size) ((void)0)
#define VALGRIND_MAKE_MEM_DEFINED(address, size) ((void)0)
#endif

#define PAGE_SIZE ((size_t)1 << RT_POOL_PAGE_SHIFT)
#define CHUNK_SIZE ((size_t)1 << RT_POOL_CHUNK_SHIFT)

void *rt_pool_free_lists[RT_POOL_CLASS_COUNT];
uint64_t *rt_pool_chunk_map[(size_t)1 << RT_POOL_MAP_TOP_BITS];
bool rt_pool_on_valgrind;

__attribute__((constructor)) static void detect_valgrind(void) { rt_pool_on_valgrind = RUNNING_ON_VALGRIND != 0; }

/* Under valgrind, the free blocks, kept inaccessible to the program. */
static void *valgrind_free_lists[RT_POOL_CLASS_COUNT];

/* Each class's current page: its next never-used block and the end of its blocks. */
static char *bump[RT_POOL_CLASS_COUNT], *limit[RT_POOL_CLASS_COUNT];

/* The unused pages of the newest chunk. */
static char *next_page, *pages_end;

/* Every chunk, so that they stay reachable (for valgrind's leak check). */
static void **chunks;
static size_t chunk_count, chunk_capacity;

static void remember_chunk(void *chunk) {
  uintptr_t address = (uintptr_t)chunk;
  if ((address >> RT_POOL_ADDRESS_BITS) != 0) {
    static const char message[] = "fatal: the object pool got memory above the 48-bit address space\n";
    rt_stderr_write(message, sizeof message - 1);
    abort();
  }
  uint64_t **leaf = &rt_pool_chunk_map[address >> (RT_POOL_CHUNK_SHIFT + RT_POOL_MAP_LEAF_BITS)];
  if (*leaf == NULL) {
    *leaf = calloc(((size_t)1 << RT_POOL_MAP_LEAF_BITS) / 64, sizeof(uint64_t));
    if (*leaf == NULL) rt_out_of_memory();
  }
  size_t region = (address >> RT_POOL_CHUNK_SHIFT) & (((size_t)1 << RT_POOL_MAP_LEAF_BITS) - 1);
  (*leaf)[region / 64] |= (uint64_t)1 << (region % 64);
  if (chunk_count == chunk_capacity) {
    chunk_capacity = chunk_capacity == 0 ? 16 : chunk_capacity * 2;
    chunks = rt_realloc(chunks, chunk_capacity * sizeof *chunks);
  }
  chunks[chunk_count++] = chunk;
}

static char *new_page(size_t class_index) {
  if (next_page == pages_end) {
    void *chunk;
    if (posix_memalign(&chunk, CHUNK_SIZE, CHUNK_SIZE) != 0) rt_out_of_memory();
    remember_chunk(chunk);
    next_page = chunk;
    pages_end = next_page + CHUNK_SIZE;
  }
  char *page = next_page;
  next_page += PAGE_SIZE;
  rt_pool_page *header = (rt_pool_page *)page;
  header->class_index = (uint32_t)class_index;
  header->block_size = (uint32_t)((class_index + 1) * RT_POOL_CLASS_STEP);
  header->unused = 0;
  /* Blocks are inaccessible until handed out. */
  if (rt_pool_on_valgrind) VALGRIND_MAKE_MEM_NOACCESS(page + sizeof *header, PAGE_SIZE - sizeof *header);
  return page;
}

static void *take_block(size_t class_index) {
  if (rt_pool_on_valgrind) {
    void **block = valgrind_free_lists[class_index];
    if (block != NULL) {
      VALGRIND_MAKE_MEM_DEFINED(block, sizeof *block);
      valgrind_free_lists[class_index] = *block;
      return block;
    }
  }
  size_t block_size = (class_index + 1) * RT_POOL_CLASS_STEP;
  if (bump[class_index] == NULL || (size_t)(limit[class_index] - bump[class_index]) < block_size) {
    char *page = new_page(class_index);
    bump[class_index] = page + sizeof(rt_pool_page);
    limit[class_index] = page + PAGE_SIZE;
  }
  void *block = bump[class_index];
  bump[class_index] += block_size;
  return block;
}

void *rt_pool_alloc_slow(size_t prefix, size_t size) {
  size_t total = prefix + size;
  if (total < size) rt_out_of_memory(); /* prefix + size wrapped around */
  char *block;
  if (total <= RT_POOL_MAX_BLOCK) {
    block = take_block((total - 1) / RT_POOL_CLASS_STEP);
    if (rt_pool_on_valgrind) {
      VALGRIND_MAKE_MEM_UNDEFINED(block, prefix);
      VALGRIND_MALLOCLIKE_BLOCK(block + prefix, size, 0, 0);
    }
    memset(block, 0, total);
    return block;
  }
  block = calloc(1, total);
  if (block == NULL) rt_out_of_memory();
  /* A heap block inside the malloc'd one, so that valgrind treats the object as it treats pool ones. */
  if (rt_pool_on_valgrind && prefix > 0) VALGRIND_MALLOCLIKE_BLOCK(block + prefix, size, 0, 1);
  return block;
}

void rt_pool_free_slow(void *block, size_t prefix) {
  if (!rt_pool_owns(block)) {
    if (rt_pool_on_valgrind && prefix > 0) VALGRIND_FREELIKE_BLOCK((char *)block + prefix, 0);
    free(block);
    return;
  }
  /* Only valgrind's mode frees pool blocks here. */
  const rt_pool_page *page = rt_pool_page_of(block);
  VALGRIND_FREELIKE_BLOCK((char *)block + prefix, 0);
  VALGRIND_MAKE_MEM_UNDEFINED(block, sizeof(void *));
  *(void **)block = valgrind_free_lists[page->class_index];
  valgrind_free_lists[page->class_index] = block;
  VALGRIND_MAKE_MEM_NOACCESS(block, page->block_size);
}
