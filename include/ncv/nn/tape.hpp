// Defines ncv::tape: reverse-mode automatic differentiation (backpropagation) on a fixed-capacity tape, usable in constant evaluation.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <concepts>
#include <cstddef>
#include <stdexcept>

#include <ncv/number/concepts.hpp>
#include <ncv/number/detail/plain_array.hpp>
#include <ncv/number/detail/slot.hpp>

namespace ncv {

/// Every operation on a tape::var records a node; backward() then walks the nodes in reverse,
/// accumulating ∂output/∂node (the adjoint) by the chain rule: that walk is backpropagation.
/// Supported: +, −, ×, unary −, relu (piecewise linear, so exact rationals stay rational).
template <unital_ring T, std::size_t Capacity = 512>
    requires std::totally_ordered<T>  // relu compares with zero
class tape {
    enum class op { leaf, add, sub, mul, neg, relu };
    struct node {
        op kind = op::leaf;
        std::size_t a = 0;
        std::size_t b = 0;
        T result{};  // the value computed in the forward pass
        T adjoint{};
    };

public:
    /// A value recorded on its tape: arithmetic on vars records the operation, for the backward pass.
    class var {
    public:
        constexpr var() = default;
        /// The value computed in the forward pass.
        [[nodiscard]] constexpr const T& value() const { return owner_->nodes_.values[index_].value.result; }
        /// ∂output/∂this, after backward(output).
        [[nodiscard]] constexpr const T& adjoint() const { return owner_->nodes_.values[index_].value.adjoint; }

        /// x + y, recorded.
        [[nodiscard]] friend constexpr var operator+(const var& x, const var& y) { return apply(op::add, x, y); }
        /// x − y, recorded.
        [[nodiscard]] friend constexpr var operator-(const var& x, const var& y) { return apply(op::sub, x, y); }
        /// x · y, recorded.
        [[nodiscard]] friend constexpr var operator*(const var& x, const var& y) { return apply(op::mul, x, y); }
        /// −x, recorded.
        [[nodiscard]] friend constexpr var operator-(const var& x) { return apply(op::neg, x, x); }
        /// max(x, 0), recorded; its derivative at 0 is taken as 0.
        [[nodiscard]] friend constexpr var relu(const var& x) { return apply(op::relu, x, x); }

    private:
        friend class tape;
        constexpr var(tape* owner, std::size_t index) : owner_(owner), index_(index) {}
        static constexpr var apply(op kind, const var& x, const var& y) { return x.owner_->record(kind, x, y); }
        tape* owner_ = nullptr;
        std::size_t index_ = 0;
    };

    constexpr tape() = default;
    tape(const tape&) = delete;  ///< vars point into their tape
    tape& operator=(const tape&) = delete;
    friend class var;

    /// An input: a parameter or a data value.
    [[nodiscard]] constexpr var leaf(const T& value) {
        node& n = push();
        n.result = value;
        return var(this, size_ - 1);
    }

    /// How many nodes the tape holds.
    [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }

    /// Backpropagation: adjoint(output) = 1, then each node, last to first, passes its adjoint
    /// to its operands through the local derivative.
    constexpr void backward(const var& output) {
        for (std::size_t k = 0; k < size_; ++k) nodes_.values[k].value.adjoint = T{};
        nodes_.values[output.index_].value.adjoint = T(1);
        for (std::size_t k = output.index_ + 1; k-- > 0;) {
            const node& n = nodes_.values[k].value;
            switch (n.kind) {
                case op::leaf: break;
                case op::add:
                    accumulate(n.a, n.adjoint);
                    accumulate(n.b, n.adjoint);
                    break;
                case op::sub:
                    accumulate(n.a, n.adjoint);
                    accumulate(n.b, -n.adjoint);
                    break;
                case op::mul:
                    accumulate(n.a, n.adjoint * nodes_.values[n.b].value.result);
                    accumulate(n.b, n.adjoint * nodes_.values[n.a].value.result);
                    break;
                case op::neg: accumulate(n.a, -n.adjoint); break;
                case op::relu:
                    if (T{} < nodes_.values[n.a].value.result) accumulate(n.a, n.adjoint);  // derivative 0 at and below 0
                    break;
            }
        }
    }

private:
    constexpr node& push() {
        if (size_ == Capacity) throw std::length_error("ncv::tape: capacity exhausted; use a larger Capacity");
        nodes_.values[size_] = node{};
        return nodes_.values[size_++].value;
    }

    constexpr var record(op kind, const var& x, const var& y) {
        const T& a = nodes_.values[x.index_].value.result;
        const T& b = nodes_.values[y.index_].value.result;
        T value{};
        switch (kind) {
            case op::add: value = a + b; break;
            case op::sub: value = a - b; break;
            case op::mul: value = a * b; break;
            case op::neg: value = -a; break;
            case op::relu: value = T{} < a ? a : T{}; break;
            case op::leaf: break;
        }
        node& n = push();
        n.kind = kind;
        n.a = x.index_;
        n.b = y.index_;
        n.result = value;
        return var(this, size_ - 1);
    }

    constexpr void accumulate(std::size_t k, const T& contribution) {
        nodes_.values[k].value.adjoint = nodes_.values[k].value.adjoint + contribution;
    }

    // Places for the nodes, empty until recorded: making a tape makes none of its nodes. Not `{}`:
    // g++ 12 may reuse a `{}` that a constant evaluation changed (tests/default_values_test.cpp).
    detail::plain_array<detail::slot<node>, Capacity> nodes_ = detail::plain_array<detail::slot<node>, Capacity>();
    std::size_t size_ = 0;
};

}  // namespace ncv
