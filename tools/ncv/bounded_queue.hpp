// Defines ncv::tool::bounded_queue: hands values from one thread to another, at most a fixed number waiting.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace ncv::tool {

// First in, first out. push waits while `capacity` values wait (the producer cannot run ahead
// and fill memory), and then until half of them are taken: a waiting thread is woken by a system
// call, which on a virtual machine costs microseconds, so it is woken once per half queue rather
// than once per value. pop waits for a value, and gives nullopt once the queue is closed and empty.
template <class T>
class bounded_queue {
public:
    explicit bounded_queue(std::size_t capacity) : capacity_(capacity) {}

    void push(T value) {
        std::unique_lock lock(mutex_);
        if (values_.size() >= capacity_) not_full_.wait(lock, [&] { return values_.size() <= capacity_ / 2; });
        values_.push_back(std::move(value));
        if (values_.size() == 1) not_empty_.notify_one();
    }

    [[nodiscard]] std::optional<T> pop() {
        std::unique_lock lock(mutex_);
        not_empty_.wait(lock, [&] { return !values_.empty() || closed_; });
        if (values_.empty()) return std::nullopt;
        std::optional<T> value(std::move(values_.front()));
        values_.pop_front();
        if (values_.size() <= capacity_ / 2) not_full_.notify_one();
        return value;
    }

    // No more pushes: pop gives what is left, then nullopt.
    void close() {
        const std::lock_guard lock(mutex_);
        closed_ = true;
        not_empty_.notify_all();
    }

private:
    std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable not_full_, not_empty_;
    std::deque<T> values_;
    bool closed_ = false;
};

}  // namespace ncv::tool
