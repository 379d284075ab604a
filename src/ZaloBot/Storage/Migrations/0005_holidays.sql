-- Public holidays that do not count as working days for deadlines. Data, not code: each year the operator confirms
-- the government's decision (lunar dates, bridge and compensatory days) and edits this table.
create table holidays (
    day  date primary key,
    name text not null
);

insert into holidays (day, name) values
    ('2026-01-01', 'Tết Dương lịch'),
    ('2026-02-14', 'Tết Nguyên đán'), ('2026-02-15', 'Tết Nguyên đán'), ('2026-02-16', 'Tết Nguyên đán'),
    ('2026-02-17', 'Tết Nguyên đán'), ('2026-02-18', 'Tết Nguyên đán'), ('2026-02-19', 'Tết Nguyên đán'),
    ('2026-02-20', 'Tết Nguyên đán'), ('2026-02-21', 'Tết Nguyên đán'), ('2026-02-22', 'Tết Nguyên đán'),
    ('2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'), ('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'),
    ('2026-04-30', 'Ngày Giải phóng miền Nam'), ('2026-05-01', 'Ngày Quốc tế Lao động'),
    ('2026-09-01', 'Quốc khánh'), ('2026-09-02', 'Quốc khánh'),
    ('2027-01-01', 'Tết Dương lịch'),
    ('2027-02-05', 'Tết Nguyên đán'), ('2027-02-06', 'Tết Nguyên đán'), ('2027-02-07', 'Tết Nguyên đán'),
    ('2027-02-08', 'Tết Nguyên đán'), ('2027-02-09', 'Tết Nguyên đán'), ('2027-02-10', 'Tết Nguyên đán'),
    ('2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    ('2027-04-30', 'Ngày Giải phóng miền Nam'), ('2027-05-01', 'Ngày Quốc tế Lao động'), ('2027-05-03', 'Nghỉ bù Ngày Quốc tế Lao động'),
    ('2027-09-02', 'Quốc khánh'), ('2027-09-03', 'Quốc khánh');
