#include "workerthread.h"

#include <pthread.h>

namespace chaoslab::orders {

WorkerThread::WorkerThread(
    std::string name, std::chrono::milliseconds idleInterval, std::function<void()> idle)
    : m_name(std::move(name))
    , m_idleInterval(idleInterval)
    , m_idle(std::move(idle))
{
    m_thread = std::thread([this] { run(); });
    // Linux limits thread names to 15 bytes.
    pthread_setname_np(m_thread.native_handle(), m_name.substr(0, 15).c_str());
}

WorkerThread::~WorkerThread()
{
    stop();
}

void WorkerThread::post(std::function<void()> job)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

bool WorkerThread::sleepFor(std::chrono::milliseconds delay)
{
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_for(lock, delay, [this] { return m_stopping; });
}

void WorkerThread::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_jobs.clear();
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void WorkerThread::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        const bool woken = m_wake.wait_for(
            lock, m_idleInterval, [this] { return m_stopping || !m_jobs.empty(); });
        if (m_stopping)
            break;
        std::function<void()> job;
        if (woken) {
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        } else {
            job = m_idle;
        }
        lock.unlock();
        if (job)
            job();
        lock.lock();
    }
}

} // namespace chaoslab::orders
