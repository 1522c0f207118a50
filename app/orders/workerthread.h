// One thread that runs blocking client calls (MySQL, RabbitMQ) one job at a time, in the
// order they were posted, so that no HTTP thread ever makes such a call itself. While no job
// arrives for `idleInterval`, the thread calls `idle`, which is where a worker reconnects.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace chaoslab::orders {

class WorkerThread
{
public:
    WorkerThread(
        std::string name, std::chrono::milliseconds idleInterval, std::function<void()> idle = {});
    // Finishes the running job, drops the queued ones and joins the thread.
    ~WorkerThread();

    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    void post(std::function<void()> job);

    // Runs `job` on the thread and returns its result as a future. A job dropped at shutdown
    // leaves the future with a broken_promise error.
    template <typename Result> std::future<Result> submit(std::function<Result()> job)
    {
        auto task = std::make_shared<std::packaged_task<Result()>>(std::move(job));
        auto future = task->get_future();
        post([task] { (*task)(); });
        return future;
    }

    // Waits for `delay` on the worker's own thread. Returns false at once when the thread is
    // stopping, so a retry loop ends.
    bool sleepFor(std::chrono::milliseconds delay);

    void stop();

private:
    void run();

    const std::string m_name;
    const std::chrono::milliseconds m_idleInterval;
    const std::function<void()> m_idle;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace chaoslab::orders
