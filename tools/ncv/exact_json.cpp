// Implements the reading and writing of exact numbers and matrices as JSON for the ncv command.
#include "exact_json.hpp"

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>


#include <ncv/number/rational.hpp>

#include "problem_document.hpp"

namespace ncv::tool {

namespace {

std::string kind_name(const boost::json::value& value) {
    switch (value.kind()) {
        case boost::json::kind::null: return "null";
        case boost::json::kind::bool_: return "a boolean";
        case boost::json::kind::array: return "a list";
        case boost::json::kind::object: return "an object";
        case boost::json::kind::string: return "a string";
        default: return "a number";
    }
}

}  // namespace

boost::json::value parse_json(std::string_view text, const std::string& source) {
    return to_value(read_problem(text, source));
}

exact read_number(const boost::json::value& value, const std::string& field) {
    switch (value.kind()) {
        case boost::json::kind::int64: return exact(value.get_int64());
        case boost::json::kind::uint64: return exact(boost::multiprecision::cpp_int(value.get_uint64()));
        case boost::json::kind::double_:
            throw input_error(field, "a JSON number with a fraction or an exponent, or too large for 64 bits, is read as "
                                     "binary floating point (here " + boost::json::serialize(value) +
                                     "), which is not exact: write it as a string, e.g. \"7/2\", \"0.25\" or "
                                     "\"12345678901234567890123\"");
        case boost::json::kind::string: {
            const std::string_view text = value.get_string();
            try {
                const auto r = ncv::parse_rational<boost::multiprecision::cpp_int>(text);
                return to_exact(r);
            } catch (const std::domain_error&) {
                throw input_error(field, "\"" + std::string(text) + "\" has a zero denominator");
            } catch (const std::invalid_argument& e) {
                throw input_error(field, e.what());
            }
        }
        default: throw input_error(field, "expected a number, found " + kind_name(value));
    }
}

template <class S>
dyn_matrix<S> read_matrix_as(const boost::json::value& value, const std::string& field) {
    if (!value.is_array()) throw input_error(field, "expected a list of rows, found " + kind_name(value));
    const auto& rows = value.get_array();
    if (rows.empty()) throw input_error(field, "a matrix needs at least one row");
    std::size_t cols = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string row_field = field + "[" + std::to_string(i) + "]";
        if (!rows[i].is_array()) throw input_error(row_field, "expected a row (a list of numbers), found " + kind_name(rows[i]));
        const std::size_t length = rows[i].get_array().size();
        if (length == 0) throw input_error(row_field, "a row needs at least one number");
        if (i == 0) cols = length;
        else if (length != cols)
            throw input_error(row_field, "this row has " + std::to_string(length) + " entries but " + field + "[0] has " +
                                             std::to_string(cols) + ": rows must all be the same length");
    }
    dyn_matrix<S> m(rows.size(), cols);
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = 0; j < cols; ++j)
            m(i, j) = read_number_as<S>(rows[i].get_array()[j],
                                        [&] { return field + "[" + std::to_string(i) + "][" + std::to_string(j) + "]"; });
    return m;
}

template dyn_matrix<exact> read_matrix_as<exact>(const boost::json::value&, const std::string&);
template dyn_matrix<rational<std::int64_t>> read_matrix_as<rational<std::int64_t>>(const boost::json::value&, const std::string&);
template dyn_matrix<checked_integer<std::int64_t>> read_matrix_as<checked_integer<std::int64_t>>(const boost::json::value&,
                                                                                                 const std::string&);

dyn_matrix<exact> read_matrix(const boost::json::value& value, const std::string& field) {
    return read_matrix_as<exact>(value, field);
}

std::vector<exact> read_vector(const boost::json::value& value, const std::string& field) {
    if (!value.is_array()) throw input_error(field, "expected a list of numbers, found " + kind_name(value));
    const auto& items = value.get_array();
    if (items.empty()) throw input_error(field, "expected at least one number");
    std::vector<exact> result;
    result.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        result.push_back(read_number(items[i], field + "[" + std::to_string(i) + "]"));
    return result;
}

std::size_t read_count(const boost::json::value& value, const std::string& field, std::size_t minimum) {
    const auto fail = [&] {
        throw input_error(field, "expected a whole number of at least " + std::to_string(minimum) + ", found " +
                                     boost::json::serialize(value));
    };
    if (value.is_int64()) {
        if (value.get_int64() < 0 || static_cast<std::uint64_t>(value.get_int64()) < minimum) fail();
        return static_cast<std::size_t>(value.get_int64());
    }
    if (value.is_uint64()) {
        if (value.get_uint64() < minimum) fail();
        return static_cast<std::size_t>(value.get_uint64());
    }
    if (value.is_string()) {  // as numbers may be given elsewhere: "2", or "4/2"
        exact number;
        try {
            number = read_number(value, field);
        } catch (const input_error&) {
            fail();
        }
        if (boost::multiprecision::denominator(number) != 1 || number < minimum ||
            number > exact(std::numeric_limits<std::int64_t>::max()))
            fail();
        return static_cast<std::size_t>(boost::multiprecision::numerator(number));
    }
    fail();
    return 0;
}

void require_known_fields(const std::vector<std::string>& members, std::span<const std::string_view> known,
                          const std::string& where, std::span<const std::string_view> answers) {
    const auto listed = [](std::span<const std::string_view> names) {
        std::string list;
        for (const auto name : names) list += (list.empty() ? "" : ", ") + std::string(name);
        return list;
    };
    for (const auto& member : members)
        if (std::find(known.begin(), known.end(), member) == known.end() &&
            std::find(answers.begin(), answers.end(), member) == answers.end())
            throw input_error(where + member, "unknown field (known fields: " + listed(known) +
                                                  (answers.empty() ? "" : "; answers: " + listed(answers)) + ")");
}

boost::json::value write_number(const exact& value) {
    const auto numerator = boost::multiprecision::numerator(value);
    const auto denominator = boost::multiprecision::denominator(value);
    if (denominator == 1 && numerator >= std::numeric_limits<std::int64_t>::min() &&
        numerator <= std::numeric_limits<std::int64_t>::max())
        return static_cast<std::int64_t>(numerator);
    return boost::json::string(denominator == 1 ? numerator.str() : numerator.str() + "/" + denominator.str());
}

boost::json::value write_vector(const std::vector<exact>& values) {
    boost::json::array items;
    for (const auto& v : values) items.push_back(write_number(v));
    return items;
}

exact_grid read_grid(const boost::json::value& value, const std::string& field) {
    exact_grid g;
    if (!value.is_array()) {
        g.values.push_back(read_number(value, field));
        return g;
    }
    const auto& items = value.get_array();
    if (!items.empty() && items[0].is_array()) {
        const auto m = read_matrix(value, field);
        g.kind = exact_grid::shape::matrix;
        g.rows = m.rows();
        g.cols = m.cols();
        for (std::size_t i = 0; i < m.rows(); ++i)
            for (std::size_t j = 0; j < m.cols(); ++j) g.values.push_back(m(i, j));
        return g;
    }
    g.kind = exact_grid::shape::list;
    g.values = read_vector(value, field);
    g.cols = g.values.size();
    return g;
}

boost::json::value write_grid(const exact_grid& g) {
    if (g.kind == exact_grid::shape::number) return write_number(g.values.at(0));
    if (g.kind == exact_grid::shape::list) return write_vector(g.values);
    boost::json::array rows;
    for (std::size_t i = 0; i < g.rows; ++i) {
        boost::json::array row;
        for (std::size_t j = 0; j < g.cols; ++j) row.push_back(write_number(g.at(i, j)));
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace ncv::tool
