// A loan amortisation schedule in f64: the monthly payment from the annuity formula with **, a
// table of the first and last months with interest and principal in fixed-width columns, totals,
// and the payoff month with an extra monthly payment found by simulation.
func payment(principal: f64, yearly_rate: f64, months: i64) -> f64 {
    let r = yearly_rate / 12.0;
    return principal * r / (1.0 - (1.0 + r) ** (-(months as f64)));
}

func payoff_month(principal: f64, yearly_rate: f64, pay: f64) -> i64 {
    let balance = principal;
    let month = 0;
    while (balance > 0.0) {
        month += 1;
        balance += balance * yearly_rate / 12.0;
        balance -= pay;
    }
    return month;
}

func main() {
    let principal = 250000.0;
    let rate = 0.045;
    let months = 360;
    let pay = payment(principal, rate, months);
    println("monthly payment {:.2}", pay);
    println("{:>5} {:>10} {:>10} {:>12}", "month", "interest", "principal", "balance");
    let balance = principal;
    let total_interest = 0.0;
    for m in 1..(months + 1) {
        let interest = balance * rate / 12.0;
        let part = pay - interest;
        balance -= part;
        total_interest += interest;
        if (m <= 3 || m > months - 2 || m % 120 == 0) {
            println("{:>5} {:>10.2} {:>10.2} {:>12.2}", m, interest, part, abs(balance));
        }
    }
    println("total interest {:.2}, total paid {:.2}", total_interest, pay * (months as f64));
    let extra = payoff_month(principal, rate, pay + 200.0);
    println("with 200 extra a month: paid off in month {} ({} years {} months)", extra, extra / 12, extra % 12);
}
