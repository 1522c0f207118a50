// Reference-counted byte blocks that carry stream data from the read that filled them to
// the write that passes them on, and the pool that recycles the large read blocks.
//
// Blocks are single-threaded: a block never leaves the reactor thread that allocated it,
// so the reference count is a plain integer.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace chaoslab::engine {

class BlockPool;

class Block
{
public:
    std::byte* data() { return m_bytes.get(); }
    std::size_t capacity() const { return m_capacity; }

private:
    friend class BlockRef;
    friend class BlockPool;

    Block(std::size_t capacity, BlockPool* pool);

    std::unique_ptr<std::byte[]> m_bytes;
    std::size_t m_capacity;
    // The pool that takes the block back, or nullptr for a one-off block.
    BlockPool* m_pool;
    int m_references = 0;
};

// An owning reference to a block. The last reference returns the block to its pool.
class BlockRef
{
public:
    BlockRef() = default;
    explicit BlockRef(Block* block);
    BlockRef(const BlockRef& other);
    BlockRef(BlockRef&& other) noexcept;
    BlockRef& operator=(BlockRef other) noexcept;
    ~BlockRef();

    Block* get() const { return m_block; }
    Block* operator->() const { return m_block; }
    explicit operator bool() const { return m_block != nullptr; }

private:
    Block* m_block = nullptr;
};

class BlockPool
{
public:
    // Size of a read block. Large reads keep the syscall count per byte low.
    static constexpr std::size_t blockSize = 128 * 1024;

    BlockPool() = default;
    ~BlockPool();
    BlockPool(const BlockPool&) = delete;
    BlockPool& operator=(const BlockPool&) = delete;

    // Returns a read block of blockSize bytes, reusing a free one when there is one.
    BlockRef acquire();
    // Returns a block of exactly `size` bytes that is freed, not pooled, after use.
    static BlockRef allocateExact(std::size_t size);

private:
    friend class BlockRef;
    void recycle(Block* block);

    // Free blocks kept for reuse. More would only raise the idle memory of the engine.
    static constexpr std::size_t maxFreeBlocks = 16;
    std::vector<Block*> m_free;
};

} // namespace chaoslab::engine
