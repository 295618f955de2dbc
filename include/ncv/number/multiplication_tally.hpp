// Defines ncv::multiplication_tally: a scalar that counts the multiplications one followed element takes part in.
#pragma once

#include <cstddef>

namespace ncv {

// The counting scalar. It follows one input element: the followed element carries a mark,
// a product in which a marked value takes part counts one multiplication, and sums add the
// counts. Running the unchanged generic cross_correlate on these scalars therefore leaves, in
// the outputs, how many multiplications the followed element took part in; one run per
// element gives the count matrix. (It holds no container on purpose: g++ 12 mishandles
// fixed-size arrays of allocating objects returned from constant evaluation.)
class multiplication_tally {
public:
    constexpr multiplication_tally() = default;  // zero, and every element not followed

    [[nodiscard]] static constexpr multiplication_tally followed_element() {
        multiplication_tally t;
        t.followed_ = true;
        return t;
    }

    [[nodiscard]] friend constexpr multiplication_tally operator+(const multiplication_tally& a,
                                                                  const multiplication_tally& b) {
        multiplication_tally sum;
        sum.count_ = a.count_ + b.count_;
        return sum;
    }

    [[nodiscard]] friend constexpr multiplication_tally operator*(const multiplication_tally& a,
                                                                  const multiplication_tally& b) {
        multiplication_tally product;
        product.count_ = a.count_ + b.count_ + ((a.followed_ || b.followed_) ? 1 : 0);
        return product;
    }

    // Multiplications of the followed element recorded in this value.
    [[nodiscard]] constexpr std::size_t count() const noexcept { return count_; }

    friend constexpr bool operator==(const multiplication_tally&, const multiplication_tally&) = default;

private:
    bool followed_ = false;
    std::size_t count_ = 0;
};

}  // namespace ncv
