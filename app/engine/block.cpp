#include "block.h"

#include <utility>

namespace chaoslab::engine {

// new std::byte[] leaves the bytes uninitialised, so pages are touched only when data
// is read into them.
Block::Block(std::size_t capacity, BlockPool* pool)
    : m_bytes(new std::byte[capacity])
    , m_capacity(capacity)
    , m_pool(pool)
{ }

BlockRef::BlockRef(Block* block) : m_block(block)
{
    if (m_block)
        ++m_block->m_references;
}

BlockRef::BlockRef(const BlockRef& other) : BlockRef(other.m_block) { }

BlockRef::BlockRef(BlockRef&& other) noexcept : m_block(std::exchange(other.m_block, nullptr)) { }

BlockRef& BlockRef::operator=(BlockRef other) noexcept
{
    std::swap(m_block, other.m_block);
    return *this;
}

BlockRef::~BlockRef()
{
    if (!m_block || --m_block->m_references > 0)
        return;
    if (m_block->m_pool)
        m_block->m_pool->recycle(m_block);
    else
        delete m_block;
}

BlockPool::~BlockPool()
{
    for (auto* block : m_free)
        delete block;
}

BlockRef BlockPool::acquire()
{
    if (m_free.empty())
        return BlockRef(new Block(blockSize, this));
    auto* block = m_free.back();
    m_free.pop_back();
    return BlockRef(block);
}

BlockRef BlockPool::allocateExact(std::size_t size)
{
    return BlockRef(new Block(size, nullptr));
}

void BlockPool::recycle(Block* block)
{
    if (m_free.size() < maxFreeBlocks)
        m_free.push_back(block);
    else
        delete block;
}

} // namespace chaoslab::engine
