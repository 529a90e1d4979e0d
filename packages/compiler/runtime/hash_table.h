/*
 * An insertion-ordered hash table of fixed-size keys and values (the storage of a language's dict,
 * map or set), and the hash functions the languages share.
 *
 * The table is CPython's compact dict: the entries (stored hash, key bytes, value bytes) sit in an
 * array in insertion order, and a separate index table of 2^k small integers (1, 2, 4 or 8 bytes each,
 * the narrowest that can number the entries) maps a hash to its entry by open addressing. A probe
 * starts at hash & mask and goes on to (5 * i + 1 + perturb) & mask, perturb starting as the hash and
 * shifted right by 5 each step, so every bit of the hash soon takes part and every slot is eventually
 * visited. Deleting leaves a "dummy" in the index slot (so probes for other keys pass it) and marks
 * the entry deleted; iteration skips deleted entries. At most two thirds of the index slots number
 * entries (deleted ones included); when the entries array is full, the table is rebuilt for three
 * times the live entries (so it doubles when nothing was deleted and can shrink after many
 * deletions), copying the live entries in order, which compacts them and drops every dummy.
 * Compared with one array of entries addressed by hash, this keeps insertion order for free and
 * the memory of the sparse part is a byte or two per slot instead of a whole entry.
 *
 * Generic: the caller computes each key's hash (an int64_t: rt_hash_bytes, rt_hash_i64 or its
 * language's own) and supplies key equality per call (`equal(key, stored_key, context)`, the key passed
 * to the call first, so a lookup may pass a key in another form than the stored one; NULL compares
 * key_size bytes). The hash INT64_MIN is treated as INT64_MIN + 1 (the stored hash of a deleted
 * entry is INT64_MIN); callers never see the difference. `equal` must not change the table.
 *
 * A plain C structure to embed in an object's fields (zeroed is not yet usable: call
 * rt_hash_table_init). Memory is one malloc'd block, NULL while nothing was inserted. Entry
 * layout: the hash at offset 0, the key at 8, the value at 8 + key_size rounded up to 8; entries are
 * 8 + both sizes rounded up to 8 bytes. Pointers to keys and values are invalidated by any insertion
 * (a rebuild moves them) and by rt_hash_table_clear/free; a deletion leaves the others in place.
 *
 * Positions: entries are numbered in insertion order, deleted ones included, from 0 to `used`; a
 * position stays valid until a rebuild (which only an insertion or reserve does). Deleted entries at
 * the end are given back at once (so repeatedly popping the last entry is O(1)), and an entry
 * inserted afterwards takes the first such position again. Out of memory is rt_out_of_memory().
 */
#ifndef TOOLCHAIN_HASH_TABLE_H
#define TOOLCHAIN_HASH_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef bool (*rt_key_equal_fn)(const void *key_a, const void *key_b, void *context);

typedef struct rt_hash_table {
  char *indices;      /* mask + 1 slots of index_width bytes, then the entries; NULL when none allocated */
  char *entries;      /* `usable` entries of entry_size bytes, the first `used` written */
  int64_t length;     /* live entries */
  int64_t used;       /* entries written, deleted ones included: the next entry's position */
  int64_t filled;     /* index slots not empty (entries' and dummies) */
  int64_t usable;     /* entries the block has room for: two thirds of the slots */
  int64_t mask;       /* slots - 1 (slots a power of two, at least 8); 0 when none allocated */
  int32_t key_size;   /* bytes of a key */
  int32_t value_size; /* bytes of a value, 0 for a set */
  int32_t entry_size;
  int32_t index_width; /* bytes per index slot: 1, 2, 4 or 8 */
} rt_hash_table;

/* An empty table of keys of `key_size` (> 0) and values of `value_size` (>= 0) bytes. */
void rt_hash_table_init(rt_hash_table *table, int64_t key_size, int64_t value_size);

static inline int64_t rt_hash_table_length(const rt_hash_table *table) { return table->length; }

/* Makes room for `count` live entries in all, so that inserting up to that many rebuilds nothing. */
void rt_hash_table_reserve(rt_hash_table *table, int64_t count);

/* The position of the entry whose key equals `key`, or -1. */
int64_t rt_hash_table_find(const rt_hash_table *table, int64_t hash, const void *key, rt_key_equal_fn equal,
                           void *context);

/* The value of the entry whose key equals `key` (for a set, a non-NULL pointer), or NULL. */
void *rt_hash_table_lookup(const rt_hash_table *table, int64_t hash, const void *key, rt_key_equal_fn equal,
                           void *context);

/* The value of the entry for `key`, made when there was none: the key copied in (key_size bytes from
   `key`), the value zeroed, at the end of the order, and *inserted set to true (false when the key
   was there). A caller that looked up by another form of key writes the stored key itself, at
   rt_hash_table_key_at(table, rt_hash_table_last(table)). */
void *rt_hash_table_find_or_insert(rt_hash_table *table, int64_t hash, const void *key, rt_key_equal_fn equal,
                                   void *context, bool *inserted);
/* The same, giving the entry's position instead of its value (one probe, where a caller that wants the
   position would otherwise probe again). */
int64_t rt_hash_table_position_of(rt_hash_table *table, int64_t hash, const void *key, rt_key_equal_fn equal,
                                  void *context, bool *inserted);

/* Inserts key and value at the end of the order; when the key is there, replaces its value only (the
   stored key and its place in the order stay), copies the old value to `old_value` unless that is
   NULL, and returns true. `value` may be NULL for a set. */
bool rt_hash_table_insert(rt_hash_table *table, int64_t hash, const void *key, const void *value, rt_key_equal_fn equal,
                          void *context, void *old_value);

/* Deletes the entry whose key equals `key`, copying its key and value out unless those are NULL (so
   the caller can release what they hold); false when there was none. */
bool rt_hash_table_delete(rt_hash_table *table, int64_t hash, const void *key, rt_key_equal_fn equal, void *context,
                          void *removed_key, void *removed_value);

/* Deletes the live entry at `position` (e.g. the last one, for a pop), copying it out the same way. */
void rt_hash_table_delete_at(rt_hash_table *table, int64_t position, void *removed_key, void *removed_value);

/* Iteration in insertion order: start with *position = 0; each call that returns true has moved to
   the next live entry, set *key and *value (either may be NULL) to it and left *position one past it.
   Entries inserted meanwhile are reached; a rebuild (an insertion) renumbers positions. */
bool rt_hash_table_next(const rt_hash_table *table, int64_t *position, void **key, void **value);

/* The entry at `position` (0 <= position < used): whether it is live, and its parts (the hash as
   stored: INT64_MIN reads as INT64_MIN + 1). */
bool rt_hash_table_is_live(const rt_hash_table *table, int64_t position);
int64_t rt_hash_table_hash_at(const rt_hash_table *table, int64_t position);
void *rt_hash_table_key_at(const rt_hash_table *table, int64_t position);
void *rt_hash_table_value_at(const rt_hash_table *table, int64_t position);
/* The position of the last live entry, or -1 when the table is empty. */
int64_t rt_hash_table_last(const rt_hash_table *table);

/* Forgets every entry and keeps the memory for reuse (what they held is the caller's to release). */
void rt_hash_table_clear(rt_hash_table *table);
/* Frees the memory: the table is empty and still usable. Harmless to call twice. */
void rt_hash_table_free(rt_hash_table *table);
/* A drop function's helper: detaches the entries first (the table is empty, its memory freed, before
   any callback runs), then calls `release` on each live entry in order. */
void rt_hash_table_clear_with(rt_hash_table *table, void (*release)(void *key, void *value, void *context),
                              void *context);

/* ---- hashing ------------------------------------------------------------------------------------ */

/*
 * SipHash-1-3 (one compression round per 8-byte block, three finalisation rounds) of the bytes under
 * the process's 128-bit key: a keyed hash, so an input that makes keys collide cannot be prepared
 * without the key, fast on short keys, and the function CPython hashes str and bytes with (its
 * `sys.hash_info.algorithm`). The key comes from TOOLCHAIN_HASH_SEED, read once by rt_init:
 *   unset, empty or "0": the zero key (reproducible runs; CPython's PYTHONHASHSEED=0);
 *   a decimal 1 to 4294967295: the key CPython derives from PYTHONHASHSEED of that value (its 24
 *     secret bytes from the seed by the LCG x = x * 214013 + 2531011, byte = bits 16-23; k0 and k1
 *     the first 16, little-endian), so hashes of bytes agree with CPython run with that seed;
 *   "random": 16 bytes from the kernel (getrandom).
 * Any other value is ignored (the zero key). The result is the hash as is: no value is reserved, and
 * the empty input has its SipHash too (CPython's hash of b"" is 0 and it never returns -1: those are
 * Python's rules, for its library to apply).
 */
int64_t rt_hash_bytes(const void *data, size_t size);
/* SipHash-1-3 under an explicit key. */
uint64_t rt_siphash13(uint64_t k0, uint64_t k1, const void *data, size_t size);
/* A hash of an int64_t: a bijective mix (two xor-shift-multiply rounds, the murmur3 finaliser), so
   distinct integers never collide in 64 bits and every input bit reaches the low bits a table
   indexes by first; integers are cheap to hash and are not keyed by the seed. */
int64_t rt_hash_i64(int64_t x);
/* Reads TOOLCHAIN_HASH_SEED (rt_init calls it; later calls change nothing). */
void rt_hash_init(void);
/* The process's key (tests and diagnostics). */
void rt_hash_key(uint64_t *k0, uint64_t *k1);

#endif
