// Compile-time tests of the forms the library uses where clang 22's new constant interpreter rejects the plain ones.
// Built like every static test; CI also builds it (and every proof) with -Dnew_constant_interpreter=true on clang 22.
//
// Three bugs of clang 22.1's -fexperimental-new-constant-interpreter, each reproduced by the commented
// form (the default evaluator, g++ and clang 19 accept both):
//  1. Assigning one element of an array of structs that hold a std::array to its neighbour,
//     `terms[j] = terms[j - 1];`, is refused as "'memcpy' between overlapping memory regions".
//     The library assigns through a copy, `terms[j] = term(terms[j - 1]);` (multi_polynomial).
//  2. A lambda that captures a reference parameter plainly, `[&] { return value; }` or
//     `[value] { return value; }`, and is called from another function, cannot read it ("function
//     parameter 'value' with unknown value"). The library uses an init-capture, `[&v = value]`
//     (multi_polynomial::substitute and expectation_over, scalar times matrix).
//  3. Assigning a whole struct that holds an array of unions, `b = a;` with the implicit (trivial)
//     assignment, leaves each union's first member active, so reading the one `a` had written is
//     refused ("read of member 'value' of union with active member 'empty'"). multi_polynomial,
//     whose terms sit in such unions (ncv/number/detail/slot.hpp), assigns them one by one.
#include <array>
#include <cstddef>

#include <ncv/number/detail/plain_array.hpp>
#include <ncv/number/detail/slot.hpp>

namespace {

// ---- 1. shifting elements up through a copy ----
struct term {
    std::array<unsigned, 2> powers{};
    int coefficient = 0;
};

constexpr int shifted_up() {
    std::array<term, 3> terms{};
    terms[0] = term{{1, 0}, 7};
    for (int j = 2; j > 0; --j) terms[j] = term(terms[j - 1]);
    return terms[1].coefficient + terms[2].coefficient;
}
static_assert(shifted_up() == 7 + 0, "element 0 moved to 1, the old element 1 (zero) to 2");

// ---- 2. a reference parameter read through an init-capture ----
template <class F>
constexpr int call(F f) {
    return f();
}

constexpr int read_through_init_capture(const int& value) {
    return call([&v = value] { return v; });
}

constexpr int three = 3;
static_assert(read_through_init_capture(three) == 3);

// ---- 3. places that are unions, assigned one by one ----
struct places {
    ncv::detail::plain_array<ncv::detail::slot<term>, 3> terms = ncv::detail::plain_array<ncv::detail::slot<term>, 3>();
    std::size_t size = 0;

    constexpr places() = default;
    constexpr places(const places&) = default;
    constexpr places& operator=(const places& other) {
        for (std::size_t k = 0; k < other.size; ++k) terms.values[k] = other.terms.values[k];
        size = other.size;
        return *this;
    }
};

constexpr int assigned_place_by_place() {
    places a;
    a.terms.values[0] = term{{1, 0}, 7};
    a.size = 1;
    places b;
    b = a;
    return b.terms.values[0].value.coefficient;
}
static_assert(assigned_place_by_place() == 7, "the written place is still written after assignment");

}  // namespace
