// Defines ncv::product_trace: a scalar that records which labelled factors a sum of products multiplies.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <cstddef>
#include <stdexcept>
#include <vector>

namespace ncv {

/// The tracing scalar. Each factor of a computation carries a label (its position, say);
/// running the unchanged generic convolution on these scalars leaves in every output the
/// (left label, right label) products it sums, in the order they were added. A worked
/// solution prints them, so which elements meet in a window is the convolution's own answer,
/// never written a second time. Only sums of products of two factors are recorded: a product
/// with anything but two factors, or a sum with a bare factor, throws std::domain_error.
class product_trace {
public:
    /// One product: the labels of its two factors.
    struct product {
        std::size_t left = 0;   ///< The label of the left factor.
        std::size_t right = 0;  ///< The label of the right factor.
        /// Equal when both labels are.
        friend constexpr bool operator==(const product&, const product&) = default;
    };

    constexpr product_trace() = default;  ///< zero: the empty sum

    /// A factor carrying a label (an input or kernel position).
    [[nodiscard]] static constexpr product_trace factor(std::size_t label) {
        product_trace t;
        t.factor_ = true;
        t.label_ = label;
        return t;
    }

    /// The products of both sums, concatenated; throws std::length_error past Capacity.
    [[nodiscard]] friend constexpr product_trace operator+(const product_trace& a, const product_trace& b) {
        if (a.factor_ || b.factor_) throw std::domain_error("product_trace: a sum records products, not bare factors");
        product_trace sum = a;
        sum.products_.insert(sum.products_.end(), b.products_.begin(), b.products_.end());
        return sum;
    }

    /// One product of two factors; throws std::invalid_argument unless both are factors.
    [[nodiscard]] friend constexpr product_trace operator*(const product_trace& a, const product_trace& b) {
        if (!a.factor_ || !b.factor_) throw std::domain_error("product_trace: a product records two factors");
        product_trace p;
        p.products_.push_back({a.label_, b.label_});
        return p;
    }

    /// True for a factor (a label), false for a sum of products.
    [[nodiscard]] constexpr bool is_factor() const noexcept { return factor_; }
    /// The factor's label.
    [[nodiscard]] constexpr std::size_t label() const noexcept { return label_; }
    /// The products summed here, in order (empty for zero and for a bare factor).
    [[nodiscard]] constexpr const std::vector<product>& products() const noexcept { return products_; }

    /// Equal when the same products are listed in the same order.
    friend constexpr bool operator==(const product_trace&, const product_trace&) = default;

private:
    bool factor_ = false;
    std::size_t label_ = 0;
    std::vector<product> products_;
};

}  // namespace ncv
