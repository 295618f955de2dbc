// Implements `ncv check`: exact comparison with the computed answers, then the likely mistakes, each recomputed.
#include "check_command.hpp"

#include <algorithm>
#include <sstream>

#include <ncv/array/conv2d.hpp>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/nn/multiplication_count.hpp>
#include <ncv/nn/sgd.hpp>

#include "entry_name.hpp"
#include "exact_json.hpp"
#include "input_text.hpp"
#include "csv_text.hpp"
#include "problem/class_roster.hpp"
#include "problem/grading.hpp"
#include "problem_document.hpp"
#include "variant_settings.hpp"
#include "worked_text.hpp"

namespace ncv::tool {

namespace {

// Entry k of the answer, named as every subcommand names one: Q2a.B(1,2), Q1b.w2(1), Q2c.df_dw11.
std::string grid_entry_name(const std::string& id, const exact_grid& g, std::size_t k) {
    if (g.rows > 1) return entry_name(id, k / g.cols, k % g.cols);
    if (g.cols > 1) return entry_name(id, k);
    return id;
}



std::vector<mistake> likely_mistakes(const exam_instance& instance, const std::string& id, const exact_grid& correct) {
    std::vector<mistake> found;
    found.push_back({negated(correct), "the sign is wrong everywhere: check the signs in the update or the derivative"});
    const bool cross = instance.reading == conv_mode::cross_correlation;
    const conv_mode other = cross ? conv_mode::convolution : conv_mode::cross_correlation;
    const std::string other_reading =
        cross ? "you turned the kernel by 180 degrees: in CNNs \"convolution\" is a cross-correlation, W is not flipped"
              : "you did not turn the kernel: this question's convolution is the true one, W turned by 180 degrees first";
    // The shifted windows and the wrong elements below are worked out for the paper's setting.
    const bool plain = cross && instance.options == conv_options{0, 1};
    const std::size_t m = instance.c.rows(), k = instance.w.rows();
    if (id == "Q2a.B") {
        found.push_back({grid_of_matrix(apply_conv(instance.a, instance.w, instance.options, other)), other_reading});
        if (plain) {
            const auto padded = cross_correlate(instance.a, instance.w, {1, 1});  // (m+2) x (m+2): B sits at rows/columns 1..m
            for (const auto& [dr, dc, where] : {std::tuple{0, 1, "one row down"}, std::tuple{2, 1, "one row up"},
                                                std::tuple{1, 0, "one column right"}, std::tuple{1, 2, "one column left"}}) {
                dyn_matrix<exact> shifted(m, m);
                for (std::size_t i = 0; i < m; ++i)
                    for (std::size_t j = 0; j < m; ++j)
                        shifted(i, j) = padded(i + static_cast<std::size_t>(dr), j + static_cast<std::size_t>(dc));
                found.push_back({grid_of_matrix(shifted), std::string("your windows are shifted by one (") + where +
                                                     "): window (i, j) covers a_{i..i+" + std::to_string(k - 1) + ", j..j+" +
                                                     std::to_string(k - 1) + "}"});
            }
        }
    } else if (id == "Q2b.count") {
        const auto& q = *instance.count;
        const auto counts = instrumented_multiplication_counts(instance.a.rows(), instance.a.cols(), k, k, instance.options);
        found.push_back({grid_of_number(exact(counts(q.row, q.col))),
                     "that is the count with Q2's padding and stride; this part pads by " + std::to_string(q.options.padding) +
                         " with stride " + std::to_string(q.options.stride)});
    } else if (id == "Q2c.df_dw11" || id == "Q2c.df_da11") {
        const bool kernel = id == "Q2c.df_dw11";
        found.push_back({scaled(correct, exact(1, 2)), "the factor 2 from differentiating the square (b − c)² is missing"});
        const auto flipped = backprop_gradients(q2_problem(instance, other));
        found.push_back({grid_of_number(kernel ? flipped.kernel(0, 0) : flipped.input(0, 0)),
                     cross ? "that is the answer for a flipped kernel (true convolution); the paper's convolution does not flip W"
                           : "that is the answer for the kernel as it is (cross-correlation); this question turns W first"});
        const auto b = q2_b(instance);
        for (std::size_t u = 0; plain && u < k; ++u)
            for (std::size_t v = 0; v < k; ++v) {
                if (u == 0 && v == 0) continue;
                exact wrong = 0;
                if (kernel)
                    for (std::size_t i = 0; i < m; ++i) wrong += 2 * (b(i, i) - instance.c(i, i)) * instance.a(i + u, i + v);
                else
                    wrong = 2 * (b(0, 0) - instance.c(0, 0)) * instance.w(u, v);
                const std::string element = kernel ? "a_(i+" + std::to_string(u) + ")(i+" + std::to_string(v) + ")"
                                                   : "w_" + std::to_string(u + 1) + std::to_string(v + 1);
                found.push_back({grid_of_number(wrong), unicode_text(kernel ? "∂b_ii/∂w_11 is a_ii (the element under w_11), not " + element
                                                                   : "∂b_11/∂a_11 is w_11 (the weight over a_11), not " + element)});
            }
    } else if (id.rfind("Q1b.w", 0) == 0) {
        const std::size_t t = static_cast<std::size_t>(id.back() - '0');
        const auto iterate = [&](ncv::harmonic_step_rule rule) { return q1_iterate(instance, t, rule); };
        found.push_back({iterate({1, 2}), unicode_text("the step size is off by one: the step that produces w(t+1) uses "
                                                   "η_t = 1/(t+1), so the first step has η_0 = 1")});
        if (instance.points.empty()) {  // η = 1 every step jumps to the newest point
            exact_grid jump{exact_grid::shape::list, 1, t, std::vector<exact>(t, exact(0))};
            jump.values[t - 1] = 1;
            found.push_back({jump, "η must shrink as 1/(t+1); with η = 1 every step jumps to the newest point"});
        } else {
            found.push_back({{exact_grid::shape::list, 1, 2, instance.points[t - 1]},
                         "η must shrink as 1/(t+1); with η = 1 every step jumps to the newest point"});
        }
    }
    return found;
}

// Entries equal, or within the tolerance when one is given.
bool entries_agree(const exact& given, const exact& correct, const std::optional<exact>& tolerance) {
    if (!tolerance) return given == correct;
    const exact gap = given - correct;
    return (gap < 0 ? -gap : gap) <= *tolerance;
}

bool grids_agree(const exact_grid& given, const exact_grid& correct, const std::optional<exact>& tolerance) {
    if (given.rows != correct.rows || given.cols != correct.cols) return false;
    for (std::size_t k = 0; k < given.values.size(); ++k)
        if (!entries_agree(given.values[k], correct.values[k], tolerance)) return false;
    return true;
}

// One answer against the correct value: right, or the first wrong entry and the likely mistake
// whose answer it is (the first that matches).
graded_answer grade(const std::string& id, const exact_grid& answer, const exact_grid& correct,
                    const std::vector<mistake>& mistakes, const std::optional<exact>& tolerance) {
    // Equal values in the same shape: a number given as [5] is the number 5.
    graded_answer r{id, grids_agree(answer, correct, tolerance), "correct"};
    if (r.correct) return r;
    if (answer.rows != correct.rows || answer.cols != correct.cols) {
        r.feedback = "expected " + (correct.rows * correct.cols == 1 ? std::string("a single number")
                                                                      : std::to_string(correct.rows) + "x" +
                                                                            std::to_string(correct.cols) + " values");
        return r;
    }
    std::size_t k = 0;
    while (entries_agree(answer.values[k], correct.values[k], tolerance)) ++k;
    r.feedback = grid_entry_name(id, correct, k) + " is wrong (you wrote " + number_text(answer.values[k]) + ")";
    for (const auto& m : mistakes)
        if (!(m.answer == correct) && grids_agree(answer, m.answer, tolerance)) {
            r.feedback += ": " + m.feedback;
            break;
        }
    return r;
}

}  // namespace

std::vector<graded_answer> check_problem_answers(const std::vector<keyed_answer>& key, const boost::json::value& answers,
                                                 const std::optional<exact>& tolerance) {
    const auto known = [&] {
        std::string list;
        for (const auto& k : key) list += (list.empty() ? "" : ", ") + k.id;
        return list;
    };
    if (!answers.is_object()) throw input_error("answers", "expected a JSON object mapping answer names to values");
    for (const auto& member : answers.get_object())
        if (std::none_of(key.begin(), key.end(), [&](const keyed_answer& k) { return k.id == member.key(); }))
            throw input_error(std::string(member.key()), "not an answer of this problem (its answers: " + known() + ")");
    if (answers.get_object().empty()) throw input_error("answers", "nothing to grade: give at least one of " + known());
    std::vector<graded_answer> results;
    for (const auto& k : key)
        if (const auto* given = answers.get_object().if_contains(k.id))
            results.push_back(grade(k.id, read_grid(*given, k.id), k.correct, k.mistakes, tolerance));
    return results;
}

std::vector<graded_answer> check_answers(const exam_instance& instance, const boost::json::value& answers,
                                         const std::optional<exact>& tolerance) {
    if (!answers.is_object()) throw input_error("answers", "expected a JSON object mapping answer ids to values");
    const auto expected = gradable_answers(instance);
    const auto known = [&] {  // the ids, for the two errors that list them
        std::string list;
        for (const auto& [id, answer] : expected) list += (list.empty() ? "" : ", ") + id;
        return list;
    };
    for (const auto& member : answers.get_object())
        if (!expected.find(std::string(member.key())))
            throw input_error(std::string(member.key()), "unknown answer id (known: " + known() + ")");
    if (answers.get_object().empty()) throw input_error("answers", "nothing to grade: give at least one of " + known());
    std::vector<graded_answer> results;
    for (const auto& [id, correct] : expected) {
        const auto* given = answers.get_object().if_contains(id);
        if (!given) continue;
        results.push_back(grade(id, read_grid(*given, id), correct, likely_mistakes(instance, id, correct), tolerance));
    }
    return results;
}

std::string format_check(const std::vector<graded_answer>& results, bool as_text, const std::optional<exact>& tolerance) {
    const auto correct = std::count_if(results.begin(), results.end(), [](const auto& r) { return r.correct; });
    const std::string score = std::to_string(correct) + "/" + std::to_string(results.size());
    if (as_text) {
        std::ostringstream out;
        for (const auto& r : results) out << (r.correct ? "correct  " : "wrong    ") << r.id << ": " << r.feedback << "\n";
        out << "score: " << score << (tolerance ? " (graded within " + number_text(*tolerance) + " of the exact values)" : "") << "\n";
        return out.str();
    }
    boost::json::array items;
    for (const auto& r : results) items.push_back({{"id", r.id}, {"correct", r.correct}, {"feedback", r.feedback}});
    boost::json::object report{{"results", items}, {"score", score}};
    report["tolerance"] = tolerance ? boost::json::value(number_text(*tolerance)) : boost::json::value("exact");
    return boost::json::serialize(report) + "\n";
}

namespace {

// --tolerance T: a non-negative number, exact (0.0001, 1/10000); absent: exact grading.
std::optional<exact> read_tolerance(const boost::program_options::variables_map& vm) {
    if (!vm.count("tolerance")) return std::nullopt;
    const exact t = read_number(boost::json::string(option_text(vm, "tolerance")), "--tolerance");
    if (t < 0) throw input_error("--tolerance", "expected a number at least 0");
    return t;
}

// The key of --problem FILE (the input of ncv conv or ncv sgd), when given.
std::optional<std::vector<keyed_answer>> own_problem_key(const boost::program_options::variables_map& vm) {
    if (!vm.count("problem")) return std::nullopt;
    const std::string file = option_text(vm, "problem");
    const input_text problem(file);
    return problem_key(parse_json(problem.view(), file));
}

// One student's answers graded against one's own problem when its key is given, else the variant
// `variant` names (drawn with `options`), else the paper; with the ids that key has.
struct graded_sheet {
    std::vector<std::string> ids;
    std::vector<graded_answer> results;
};

graded_sheet grade_sheet(const std::optional<std::vector<keyed_answer>>& own_key, const std::optional<std::uint64_t>& variant,
                         const variant_options& options, const boost::json::value& answers, const std::optional<exact>& tolerance) {
    graded_sheet sheet;
    if (own_key) {
        for (const auto& k : *own_key) sheet.ids.push_back(k.id);
        sheet.results = check_problem_answers(*own_key, answers, tolerance);
        return sheet;
    }
    const auto instance = variant ? variant_instance(*variant, options) : paper_instance();
    for (const auto& [id, answer] : gradable_answers(instance)) sheet.ids.push_back(id);
    sheet.results = check_answers(instance, answers, tolerance);
    return sheet;
}

// A class: one CSV row per student, the score, each answer right or wrong with its feedback; a
// row that cannot be read or graded is kept with its error (and a line on standard error).
outcome check_class(const boost::program_options::variables_map& vm, const json_input& input, const std::optional<exact>& tolerance) {
    const auto roster = read_class_roster(input.text, input.source, tolerance.has_value());
    const auto own_key = own_problem_key(vm);
    const auto options = read_variant_options(vm);
    std::string out = "id,score,tolerance";
    for (const auto& id : roster.answer_ids) out += "," + csv_cell(id) + "," + csv_cell(id + " feedback");
    out += ",error\n";
    std::string notes;
    bool all_right = true, all_read = true;
    const std::string graded_as = tolerance ? "within " + option_text(vm, "tolerance") : "exact";
    for (const auto& row : roster.rows) {
        std::string error = row.error, cells;
        std::size_t right = 0, asked = 0;
        if (error.empty()) {
            try {
                if (own_key && row.variant) throw input_error("variant", "given, but the class is graded against --problem");
                const auto sheet = grade_sheet(own_key, row.variant, options, row.answers, tolerance);
                const auto& key_ids = sheet.ids;
                const auto& results = sheet.results;
                for (const auto& id : roster.answer_ids) {
                    const bool in_key = std::find(key_ids.begin(), key_ids.end(), id) != key_ids.end();
                    const auto r = std::find_if(results.begin(), results.end(), [&](const graded_answer& g) { return g.id == id; });
                    asked += in_key;
                    if (r != results.end()) {
                        right += r->correct;
                        cells += std::string(r->correct ? ",right," : ",wrong,") + csv_cell(r->feedback);
                    } else {
                        cells += in_key ? ",wrong,no answer" : ",,";
                    }
                }
                all_right = all_right && right == asked;
            } catch (const input_error& e) {
                error = e.what();
            }
        }
        if (!error.empty()) {
            all_read = false;
            error = "line " + std::to_string(row.line) + ": " + error;
            notes += "ncv check: " + input.source + ", " + error + "\n";
            cells.clear();
            for (std::size_t k = 0; k < roster.answer_ids.size(); ++k) cells += ",,";
            out += csv_cell(row.id) + ",," + graded_as + cells + "," + csv_cell(error) + "\n";
            continue;
        }
        out += csv_cell(row.id) + "," + std::to_string(right) + "/" + std::to_string(asked) + "," + graded_as + cells + ",\n";
    }
    return {out, all_read ? (all_right ? 0 : 1) : 2, notes};
}

outcome check(const boost::program_options::variables_map& vm, const json_input& input) {
    const auto tolerance = read_tolerance(vm);
    if (vm.count("problem") && vm.count("variant")) throw input_error("--problem", "give --problem or --variant, not both");
    if (vm.count("class")) {
        if (vm.count("variant")) throw input_error("--variant", "with --class, each row names its variant in a variant column");
        if (!vm["format"].defaulted()) throw input_error("--format", "--class writes CSV");
        return check_class(vm, input, tolerance);
    }
    boost::json::value answers;
    try {  // a malformed document before the options
        answers = tolerance ? read_with_decimals(input.text, input.source) : parse_json(input.text, input.source);
    } catch (const float_in_json& e) {
        throw input_error(e.field, e.problem + "; " + std::string(decimals_hint));
    }
    const std::string format = option_text(vm, "format");
    if (format != "json" && format != "text") throw input_error("--format", "expected json or text, found '" + format + "'");
    const auto own_key = own_problem_key(vm);
    std::optional<std::uint64_t> variant;
    variant_options options;
    if (vm.count("variant")) {
        variant = parse_seed(option_text(vm, "variant"));
        options = read_variant_options(vm);
    }
    const auto results = grade_sheet(own_key, variant, options, answers, tolerance).results;
    const bool all_correct = std::all_of(results.begin(), results.end(), [](const auto& r) { return r.correct; });
    return outcome{format_check(results, format == "text", tolerance), all_correct ? 0 : 1};
}

}  // namespace

subcommand check_subcommand() {
    return {.name = "check",
            .summary = "grade a student's answers (JSON: id -> value) to the paper, a variant or your own problem, with feedback",
            .example = "echo '{\"Q2c.df_dw11\": -15, \"Q1b.w2\": [\"1/2\", \"1/2\"]}' | ncv check",
            .reads_json = true,
            .details =
            "input: a JSON object from answer ids to answers; for the paper any subset of\n"
            "  Q1b.w1, Q1b.w2, Q1b.w3   w(t) as the coefficients of x(1)..x(t) (its points are symbols): [\"1/2\", \"1/2\"]\n"
            "  Q2a.B, Q2b.counts        3x3 and 5x5 matrices\n"
            "  Q2c.df_dw11, Q2c.df_da11 numbers\n"
            "for --variant SEED (with the options ncv variant was given) any subset of\n"
            "  Q1b.w2, Q1b.w3           the iterates' coordinates\n"
            "  Q2a.B, Q2b.count         B, and the count of the one element Q2b asks about\n"
            "  Q2c.df_dw11, Q2c.df_da11 numbers\n"
            "with --problem FILE (the input of ncv conv or ncv sgd): the answers as those print them, any subset of\n"
            "  B, counts, loss, dW, dA   or   iterates, final, mean\n"
            "output: per answer right or wrong, the first wrong entry and the likely mistake; a score\n"
            "exit status: 0 all right, 1 some wrong, 2 bad input or nothing to grade, 3 the output could not be written",
            .add_options =
            [](boost::program_options::options_description& options) {
                options.add_options()("variant", boost::program_options::value<std::string>(),
                                      "grade against variant SEED instead of the paper")(
                    "problem", boost::program_options::value<std::string>(),
                    "grade against your own problem: a file holding the input of ncv conv or ncv sgd")(
                    "format", boost::program_options::value<std::string>()->default_value("json"), "json or text")(
                    "class", "the input is a class: CSV (a header with id, perhaps variant, and answer ids) or JSON lines;\n"
                             "the output is CSV: id, score, tolerance, each answer right/wrong with its feedback, error")(
                    "tolerance", boost::program_options::value<std::string>(),
                    "grade within this distance of the exact value (decimals such as -3.3333); JSON floats are then read "
                    "as the decimals written");
                add_variant_options(options);
            },
            .run = check};
}

}  // namespace ncv::tool
